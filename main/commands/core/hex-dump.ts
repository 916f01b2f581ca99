/**
 * The hex dump the `read8/16/32` commands print, laid out as pyOCD's commander does: the address
 * of each line, the units (bytes, halfwords or words, as stored little-endian in memory), and the
 * line's bytes as ASCII between bars, with `.` for anything not printable.
 */

export type UnitSize = 1 | 2 | 4;

const BYTES_PER_LINE = 16;

function ascii(bytes: Uint8Array): string {
  return [...bytes].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
}

function unitText(bytes: Uint8Array, offset: number, unit: UnitSize): string {
  let value = 0;
  for (let i = unit - 1; i >= 0; i--) value = value * 256 + bytes[offset + i]!;
  return value.toString(16).padStart(unit * 2, '0');
}

export function formatHexDump(address: number, bytes: Uint8Array, unit: UnitSize): string {
  const lines: string[] = [];
  const unitsPerLine = BYTES_PER_LINE / unit;
  const columnWidth = unitsPerLine * (unit * 2 + 1) - 1 + (unit === 1 ? 3 : 0);
  for (let start = 0; start < bytes.length; start += BYTES_PER_LINE) {
    const chunk = bytes.subarray(start, Math.min(start + BYTES_PER_LINE, bytes.length));
    const units: string[] = [];
    for (let offset = 0; offset + unit <= chunk.length; offset += unit) {
      // Bytes are grouped by four with an extra space, as pyOCD does, so words stay readable.
      const gap = unit === 1 && offset > 0 && offset % 4 === 0 ? ' ' : '';
      units.push(gap + unitText(chunk, offset, unit));
    }
    const at = ((address + start) >>> 0).toString(16).padStart(8, '0');
    lines.push(`${at}:  ${units.join(' ').padEnd(columnWidth)}  |${ascii(chunk)}|`);
  }
  return lines.join('\n');
}
