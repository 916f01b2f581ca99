/** Hex text as the console prints values: 0x and eight digits for words, fewer for narrower units. */
export function hex(value: number, digits = 8): string {
  return `0x${(value >>> 0).toString(16).padStart(digits, '0')}`;
}
