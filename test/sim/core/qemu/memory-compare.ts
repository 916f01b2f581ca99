/**
 * The end-of-program memory check of the differential test: registers are compared after every
 * step, but a store that went to the wrong place, or a value no later load reads back, only shows
 * in memory. At test_done the RAM the program used (its .data and .bss, and the top of the main
 * stack where exception frames were pushed) is read from both targets and compared byte by byte.
 */

export interface MemoryRange {
  readonly name: string;
  readonly start: number;
  readonly length: number;
}

const hex8 = (v: number): string => `0x${(v >>> 0).toString(16).padStart(8, '0')}`;

/** Throws, naming the range and the first differing address with a few bytes of each side. */
export async function compareMemory(
  label: string,
  ranges: readonly MemoryRange[],
  readOurs: (address: number, length: number) => Uint8Array,
  readQemu: (address: number, length: number) => Promise<Uint8Array>,
): Promise<number> {
  let compared = 0;
  for (const range of ranges) {
    for (let offset = 0; offset < range.length; offset += 1024) {
      const address = range.start + offset;
      const length = Math.min(1024, range.length - offset);
      const ours = readOurs(address, length);
      const qemu = await readQemu(address, length);
      for (let i = 0; i < length; i++) {
        if (ours[i] !== qemu[i]) {
          const from = i & ~3;
          const show = (b: Uint8Array): string => Array.from(b.subarray(from, from + 16), (x) => x.toString(16).padStart(2, '0')).join(' ');
          throw new Error(
            `${label}: memory differs at test_done in ${range.name} at ${hex8(address + i)}:\n` +
              `  ours at ${hex8(address + from)}: ${show(ours)}\n  qemu at ${hex8(address + from)}: ${show(qemu)}`,
          );
        }
      }
      compared += length;
    }
  }
  return compared;
}
