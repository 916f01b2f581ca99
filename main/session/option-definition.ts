/**
 * Session option definitions: name, type, default and help, as pyOCD's OptionInfo. Values come
 * typed from YAML config files and as text from `-O name=value`; `parseOptionText` turns text
 * into the option's type and `checkOptionValue` checks a typed value, both with errors that name
 * the option and what it expects.
 */

export type OptionKind = 'boolean' | 'integer' | 'string' | 'enum';

interface OptionBase<K extends OptionKind, T> {
  readonly name: string;
  readonly kind: K;
  readonly default: T;
  readonly help: string;
}

export type BooleanOption = OptionBase<'boolean', boolean>;
export interface IntegerOption extends OptionBase<'integer', number> {
  readonly min?: number;
}
export type StringOption = OptionBase<'string', string>;
export interface EnumOption<C extends string = string> extends OptionBase<'enum', C> {
  readonly choices: readonly C[];
}

export type OptionDefinition = BooleanOption | IntegerOption | StringOption | EnumOption;

/** The TypeScript type of an option's value. */
export type OptionValue<D> = D extends { kind: 'boolean' }
  ? boolean
  : D extends { kind: 'integer' }
    ? number
    : D extends EnumOption<infer C>
      ? C
      : string;

export class OptionValueError extends Error {
  override name = 'OptionValueError';
  constructor(readonly option: string, detail: string) {
    super(`Option "${option}": ${detail}`);
  }
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

/** Integers as pyOCD reads them: decimal, 0x, 0b, 0o, with `_` separators. */
export function parseIntegerText(text: string): number | undefined {
  const clean = text.trim().replace(/_/g, '');
  const match = /^([+-]?)(0x[0-9a-f]+|0b[01]+|0o[0-7]+|\d+)$/i.exec(clean);
  if (!match) return undefined;
  const body = match[2]!;
  const value = /^0[xbo]/i.test(body) ? Number(body.toLowerCase()) : Number.parseInt(body, 10);
  return match[1] === '-' ? -value : value;
}

export function checkOptionValue(definition: OptionDefinition, value: unknown): unknown {
  switch (definition.kind) {
    case 'boolean':
      if (typeof value !== 'boolean') throw new OptionValueError(definition.name, `expected true or false, got ${JSON.stringify(value)}`);
      return value;
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        throw new OptionValueError(definition.name, `expected an integer, got ${JSON.stringify(value)}`);
      }
      if (definition.min !== undefined && value < definition.min) {
        throw new OptionValueError(definition.name, `must be at least ${definition.min}, got ${value}`);
      }
      return value;
    case 'string':
      if (typeof value !== 'string') throw new OptionValueError(definition.name, `expected a string, got ${JSON.stringify(value)}`);
      return value;
    case 'enum':
      if (typeof value !== 'string' || !definition.choices.includes(value)) {
        throw new OptionValueError(definition.name, `expected one of ${definition.choices.join(', ')}, got ${JSON.stringify(value)}`);
      }
      return value;
  }
}

export function parseOptionText(definition: OptionDefinition, text: string): unknown {
  switch (definition.kind) {
    case 'boolean': {
      const word = text.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      throw new OptionValueError(definition.name, `expected true or false, got "${text}"`);
    }
    case 'integer': {
      const value = parseIntegerText(text);
      if (value === undefined) throw new OptionValueError(definition.name, `expected an integer (decimal, 0x, 0b or 0o), got "${text}"`);
      return checkOptionValue(definition, value);
    }
    default:
      return checkOptionValue(definition, text);
  }
}
