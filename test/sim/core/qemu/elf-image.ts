/**
 * Reads what the differential harness needs from a 32-bit little-endian Arm ELF executable
 * (System V ABI "ELF" chapter and the Arm ELF supplement, IHI0044): the PT_LOAD segments at their
 * physical (load) addresses, as a debugger or QEMU's -kernel loader places them, and the symbol
 * table, so the harness can find labels such as `test_done`.
 */

export interface ElfSegment {
  /** p_paddr: where the bytes are loaded (LMA). */
  readonly physicalAddress: number;
  /** The p_filesz bytes from the file; the rest of p_memsz is zero-filled at run time, not loaded. */
  readonly data: Uint8Array;
}

export interface ElfImage {
  readonly entry: number;
  readonly segments: readonly ElfSegment[];
  /** st_value of every named symbol (Thumb function symbols keep their bit 0). */
  readonly symbols: ReadonlyMap<string, number>;
}

const PT_LOAD = 1;
const SHT_SYMTAB = 2;
const EM_ARM = 40;

/** Parses `bytes` (the contents of `fileName`, named in every error). */
export function parseElf(bytes: Uint8Array, fileName: string): ElfImage {
  const fail = (what: string): never => {
    throw new Error(`${fileName}: not a loadable Arm ELF file: ${what}`);
  };
  if (bytes.length < 52) fail(`only ${bytes.length} bytes, shorter than an ELF header`);
  if (bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) fail('bad magic (expected 7f 45 4c 46)');
  if (bytes[4] !== 1) fail(`EI_CLASS ${bytes[4]} (expected 1, ELFCLASS32)`);
  if (bytes[5] !== 1) fail(`EI_DATA ${bytes[5]} (expected 1, little-endian)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => {
    if (at + 4 > bytes.length) fail(`offset 0x${at.toString(16)} lies past the end of the file`);
    return view.getUint32(at, true);
  };
  const machine = u16(18);
  if (machine !== EM_ARM) fail(`e_machine ${machine} (expected ${EM_ARM}, EM_ARM)`);
  const entry = u32(24);
  const phoff = u32(28);
  const shoff = u32(32);
  const phentsize = u16(42);
  const phnum = u16(44);
  const shentsize = u16(46);
  const shnum = u16(48);

  const slice = (offset: number, size: number, what: string): Uint8Array => {
    if (offset + size > bytes.length) fail(`${what} at file offset 0x${offset.toString(16)}, size 0x${size.toString(16)}, lies past the end of the file`);
    return bytes.subarray(offset, offset + size);
  };

  const segments: ElfSegment[] = [];
  for (let i = 0; i < phnum; i++) {
    const ph = phoff + i * phentsize;
    if (u32(ph) !== PT_LOAD) continue;
    const fileSize = u32(ph + 16);
    if (fileSize === 0) continue;
    segments.push({ physicalAddress: u32(ph + 12), data: slice(u32(ph + 4), fileSize, `program header ${i}`) });
  }

  const symbols = new Map<string, number>();
  for (let i = 0; i < shnum; i++) {
    const sh = shoff + i * shentsize;
    if (u32(sh + 4) !== SHT_SYMTAB) continue;
    const table = slice(u32(sh + 16), u32(sh + 20), `symbol table (section ${i})`);
    const entrySize = u32(sh + 36);
    const stringSection = shoff + u32(sh + 24) * shentsize;
    const strings = slice(u32(stringSection + 16), u32(stringSection + 20), 'symbol string table');
    for (let at = 0; at + entrySize <= table.length; at += entrySize) {
      const nameOffset = view.getUint32(table.byteOffset - bytes.byteOffset + at, true);
      const value = view.getUint32(table.byteOffset - bytes.byteOffset + at + 4, true);
      let end = nameOffset;
      while (end < strings.length && strings[end] !== 0) end++;
      const name = new TextDecoder().decode(strings.subarray(nameOffset, end));
      if (name !== '' && !symbols.has(name)) symbols.set(name, value);
    }
  }
  return { entry, segments, symbols };
}

/** The address of symbol `name` with the Thumb bit cleared; an error naming the file if absent. */
export function symbolAddress(image: ElfImage, name: string, fileName: string): number {
  const value = image.symbols.get(name);
  if (value === undefined) throw new Error(`${fileName}: symbol '${name}' not found`);
  return (value & ~1) >>> 0;
}
