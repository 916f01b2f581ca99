import { parseFloatArgument, parseInteger } from './integer';
import {
  type ArgValue,
  type CommandArgs,
  type CommandDefinition,
  CommandError,
  type FlagSpec,
  type ParamSpec,
  type ValueResolver,
} from './command-types';

/**
 * The one registry of commands behind every front end (console, commander, GDB `monitor`).
 * Names resolve by exact name, then alias, then unambiguous prefix of a name, as in pyOCD's
 * commander.
 */
export class CommandRegistry<Context> {
  private readonly commands = new Map<string, CommandDefinition<Context>>();
  private readonly aliases = new Map<string, string>();

  register(definition: CommandDefinition<Context>): void {
    this.checkDeclaration(definition);
    for (const word of [definition.name, ...(definition.aliases ?? [])]) {
      if (this.commands.has(word) || this.aliases.has(word)) {
        throw new Error(`command '${word}' is already registered`);
      }
    }
    this.commands.set(definition.name, definition);
    for (const alias of definition.aliases ?? []) this.aliases.set(alias, definition.name);
  }

  /** Removes a command and its aliases (user-script commands are replaced on reload). */
  unregister(name: string): void {
    const definition = this.commands.get(name);
    if (definition === undefined) return;
    this.commands.delete(name);
    for (const alias of definition.aliases ?? []) this.aliases.delete(alias);
  }

  all(): CommandDefinition<Context>[] {
    return [...this.commands.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Resolves a typed name; throws a CommandError naming the candidates when ambiguous or unknown. */
  resolve(typed: string): CommandDefinition<Context> {
    const word = typed.toLowerCase();
    const exact = this.commands.get(word) ?? this.commands.get(this.aliases.get(word) ?? '');
    if (exact !== undefined) return exact;
    const matches = [...this.commands.keys()].filter((name) => name.startsWith(word));
    if (matches.length === 1) return this.commands.get(matches[0]!)!;
    if (matches.length > 1) {
      throw new CommandError(`ambiguous command '${typed}': could be ${matches.sort().join(', ')}`);
    }
    throw new CommandError(`unknown command '${typed}' (type 'help' for the list)`);
  }

  /**
   * Converts raw words into typed arguments, naming the argument and what was expected on error.
   * Words go to the parameters in order; an optional parameter takes a word only when more words
   * are left than the parameters after it need, so pyOCD's `readap [APSEL] ADDR` reads one word
   * as ADDR and two as APSEL ADDR.
   */
  async convertArgs(
    definition: CommandDefinition<Context>,
    words: readonly string[],
    resolver?: ValueResolver,
  ): Promise<CommandArgs> {
    const args: Record<string, ArgValue> = {};
    const flags = definition.flags ?? [];
    for (const flag of flags) args[flag.name] = false;
    const positional: string[] = [];
    for (const word of words) {
      const flag = findFlag(flags, word);
      if (flag !== undefined) args[flag.name] = true;
      else if (/^-[A-Za-z]/.test(word) && parseInteger(word) === undefined && flags.length > 0) {
        throw new CommandError(`${definition.name}: unknown switch '${word}' (expected ${flags.map(flagUsage).join(', ')})`);
      } else positional.push(word);
    }

    const needed = definition.params.filter((p) => !p.optional).length;
    let spare = positional.length - needed;
    let index = 0;
    for (const param of definition.params) {
      if (param.rest) {
        const rest = positional.slice(index);
        if (rest.length === 0 && !param.optional) {
          throw new CommandError(`${definition.name}: missing ${param.name} (usage: ${this.usage(definition)})`);
        }
        args[param.name] = await Promise.all(rest.map((w) => this.convertOne(definition, param, w, resolver)));
        index = positional.length;
        continue;
      }
      const word = positional[index];
      if (param.optional && spare <= 0) {
        args[param.name] = undefined;
        continue;
      }
      if (word === undefined) throw new CommandError(`${definition.name}: missing ${param.name} (usage: ${this.usage(definition)})`);
      if (param.optional) spare--;
      args[param.name] = await this.convertOne(definition, param, word, resolver);
      index++;
    }
    if (index < positional.length) {
      throw new CommandError(
        `${definition.name}: unexpected argument '${positional[index]}' (usage: ${this.usage(definition)})`,
      );
    }
    return args;
  }

  private async convertOne(
    definition: CommandDefinition<Context>,
    param: ParamSpec,
    word: string,
    resolver?: ValueResolver,
  ): Promise<number | string> {
    switch (param.type) {
      case 'str':
        return word;
      case 'float': {
        const value = parseFloatArgument(word);
        if (value === undefined) throw new CommandError(`${definition.name}: ${param.name} must be a number, not '${word}'`);
        return value;
      }
      case 'int': {
        const value = parseInteger(word);
        if (value !== undefined) return value;
        if (param.acceptsRegister && resolver !== undefined) {
          const registerValue = await resolver.registerValue(word.toLowerCase());
          if (registerValue !== undefined) return registerValue;
        }
        const expected = param.acceptsRegister ? 'an integer or a register name' : 'an integer';
        throw new CommandError(`${definition.name}: ${param.name} must be ${expected} (0x…, 0b…, 0o… or decimal), not '${word}'`);
      }
      case 'choice': {
        const choices = param.choices ?? [];
        const lower = word.toLowerCase();
        const exact = choices.find((c) => c.toLowerCase() === lower);
        if (exact !== undefined) return exact;
        const matches = choices.filter((c) => c.toLowerCase().startsWith(lower));
        if (matches.length === 1) return matches[0]!;
        throw new CommandError(`${definition.name}: ${param.name} must be one of ${choices.join(', ')}, not '${word}'`);
      }
    }
  }

  /** `read32 ADDR [LEN]` style usage derived from the declaration. */
  usage(definition: CommandDefinition<Context>): string {
    const parts = [definition.name];
    for (const flag of definition.flags ?? []) parts.push(`[${flagUsage(flag)}]`);
    for (const param of definition.params) {
      let word = param.type === 'choice' && param.choices && param.choices.length <= 4 ? param.choices.join('|') : param.name.toUpperCase();
      if (param.rest) word += '...';
      parts.push(param.optional ? `[${word}]` : word);
    }
    return parts.join(' ');
  }

  /** The overview (`help`) or one command's page (`help CMD`). */
  help(topic?: string): string {
    if (topic !== undefined) {
      const d = this.resolve(topic);
      const lines = [`Usage: ${this.usage(d)}`, '', d.summary];
      if (d.details) lines.push('', d.details);
      const described = [...(d.flags ?? []).map((f) => [flagUsage(f), f.help]), ...d.params.filter((p) => p.help).map((p) => [p.name.toUpperCase(), p.help!])];
      if (described.length > 0) {
        const width = Math.max(10, ...described.map(([name]) => name!.length));
        lines.push('');
        for (const [name, text] of described) lines.push(`  ${name!.padEnd(width)} ${text}`);
      }
      if (d.aliases && d.aliases.length > 0) lines.push('', `Aliases: ${d.aliases.join(', ')}`);
      return lines.join('\n');
    }
    const groups = new Map<string, CommandDefinition<Context>[]>();
    for (const d of this.all()) groups.set(d.group, [...(groups.get(d.group) ?? []), d]);
    const lines: string[] = [];
    const names = (d: CommandDefinition<Context>): string => [d.name, ...(d.aliases ?? [])].join(', ');
    const width = Math.max(22, ...this.all().map((d) => names(d).length));
    for (const [group, defs] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`${group}:`);
      for (const d of defs) lines.push(`  ${names(d).padEnd(width)} ${d.summary}`);
      lines.push('');
    }
    lines.push("Type 'help CMD' for a command's usage. Separate several commands with ';'.");
    return lines.join('\n');
  }

  /**
   * Completion candidates for the last word of `line`: command names for the first word,
   * then choices or the named source for each declared parameter.
   */
  complete(line: string, sources: Partial<Record<string, readonly string[]>> = {}): string[] {
    const current = line.slice(line.lastIndexOf(';') + 1).replace(/^\s+/, '');
    const words = current.split(/\s+/);
    const last = (words[words.length - 1] ?? '').toLowerCase();
    if (words.length <= 1) {
      const names = [...this.commands.keys(), ...this.aliases.keys()];
      return names.filter((n) => n.startsWith(last)).sort();
    }
    let definition: CommandDefinition<Context>;
    try {
      definition = this.resolve(words[0]!);
    } catch {
      return [];
    }
    const flags = definition.flags ?? [];
    if (last.startsWith('-')) return flags.map((f) => `-${f.name}`).filter((f) => f.startsWith(last)).sort();
    const positionalIndex = words.slice(1, -1).filter((w) => findFlag(flags, w) === undefined && !/^-[A-Za-z]/.test(w)).length;
    const params = definition.params;
    const param = params[Math.min(positionalIndex, params.length - 1)];
    if (param === undefined || (positionalIndex >= params.length && !params[params.length - 1]?.rest)) return [];
    const candidates = param.type === 'choice' ? [...(param.choices ?? [])] : [...(sources[param.completion ?? 'none'] ?? [])];
    if (positionalIndex === 0) candidates.push(...flags.flatMap((f) => (f.aliases ?? []).filter((a) => !a.startsWith('-'))));
    return [...new Set(candidates)].filter((c) => c.toLowerCase().startsWith(last)).sort();
  }

  private checkDeclaration(definition: CommandDefinition<Context>): void {
    definition.params.forEach((p, i) => {
      if (p.rest && i !== definition.params.length - 1) throw new Error(`${definition.name}: rest parameter ${p.name} must be last`);
      if (p.rest && definition.params.some((q) => q.optional && !q.rest)) {
        throw new Error(`${definition.name}: optional parameters and the rest parameter ${p.name} would compete for the same words`);
      }
      if (p.type === 'choice' && !(p.choices && p.choices.length > 0)) throw new Error(`${definition.name}: ${p.name} needs choices`);
    });
  }
}

function findFlag(flags: readonly FlagSpec[], word: string): FlagSpec | undefined {
  const lower = word.toLowerCase();
  return flags.find((f) => `-${f.name}` === word || (f.aliases ?? []).includes(lower));
}

/** `-f`, or `halt|-halt|-h` for a switch with alias words. */
function flagUsage(flag: FlagSpec): string {
  return [...(flag.aliases ?? []), `-${flag.name}`].join('|');
}
