/**
 * Integer arguments as pyOCD's commander accepts them: decimal, `0x` hex, `0b` binary,
 * `0o` octal, `_` digit separators and a leading minus sign. Values are returned as JS
 * numbers; callers that need 32-bit words apply `>>> 0` themselves.
 */
const PREFIXES: Record<string, { radix: number; digits: RegExp }> = {
  '0x': { radix: 16, digits: /^[0-9a-f]+$/i },
  '0b': { radix: 2, digits: /^[01]+$/ },
  '0o': { radix: 8, digits: /^[0-7]+$/ },
};

/** Parses `text` as an integer, or returns undefined when it is not one. */
export function parseInteger(text: string): number | undefined {
  let body = text.trim();
  let sign = 1;
  if (body.startsWith('-')) {
    sign = -1;
    body = body.slice(1);
  } else if (body.startsWith('+')) {
    body = body.slice(1);
  }
  if (body.length === 0 || body.startsWith('_') || body.endsWith('_') || body.includes('__')) return undefined;
  const prefix = PREFIXES[body.slice(0, 2).toLowerCase()];
  const digits = (prefix ? body.slice(2) : body).replaceAll('_', '');
  if (digits.length === 0) return undefined;
  if (prefix) {
    if (!prefix.digits.test(digits)) return undefined;
    return sign * parseInt(digits, prefix.radix);
  }
  if (!/^[0-9]+$/.test(digits)) return undefined;
  return sign * parseInt(digits, 10);
}

/** Parses a float argument (`1.5`, `-2e3`, or any integer form). */
export function parseFloatArgument(text: string): number | undefined {
  const asInt = parseInteger(text);
  if (asInt !== undefined) return asInt;
  const trimmed = text.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return undefined;
  return Number(trimmed);
}
