/**
 * The typed option registry: every option a session understands, with its type, default and
 * help. Built-in options are typed at compile time (`OptionValues`); later layers (flash, user
 * scripts) may `define` more at run time.
 */
import { BUILTIN_OPTIONS, type BuiltinOptionName } from './builtin-options';
import { OptionValueError, type OptionDefinition, type OptionValue } from './option-definition';

export type OptionValues = { [K in BuiltinOptionName]: OptionValue<(typeof BUILTIN_OPTIONS)[K]> };

export class OptionRegistry {
  private readonly definitions = new Map<string, OptionDefinition>();

  constructor(definitions: Iterable<OptionDefinition> = Object.values(BUILTIN_OPTIONS) as OptionDefinition[]) {
    for (const definition of definitions) this.define(definition);
  }

  define(definition: OptionDefinition): void {
    if (this.definitions.has(definition.name)) throw new RangeError(`Option "${definition.name}" is already defined`);
    this.definitions.set(definition.name, definition);
  }

  has(name: string): boolean {
    return this.definitions.has(name);
  }

  get names(): string[] {
    return [...this.definitions.keys()].sort();
  }

  get all(): OptionDefinition[] {
    return this.names.map((n) => this.definitions.get(n)!);
  }

  /** The definition of `name`, or an error naming it and the closest known names. */
  require(name: string): OptionDefinition {
    const found = this.definitions.get(name);
    if (found) return found;
    const near = this.names.filter((n) => n.includes(name) || name.includes(n) || n.split(/[._]/)[0] === name.split(/[._]/)[0]);
    throw new OptionValueError(name, `unknown option${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; see the option list with its help`);
  }
}
