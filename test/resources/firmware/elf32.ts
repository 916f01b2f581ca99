/**
 * Just enough of an ELF32 little-endian reader for the firmware tests: section headers with their
 * names and bytes, and the symbol table (System V ABI, "Object Files": ELF header, section header
 * table, symbol table entries).
 */

export interface ElfSection {
  name: string;
  type: number;
  flags: number;
  addr: number;
  size: number;
  data: Buffer;
}

export interface ElfSymbol {
  name: string;
  value: number;
  size: number;
  /** Section header index, or a special index such as SHN_ABS. */
  shndx: number;
}

export interface Elf32 {
  machine: number;
  sections: ElfSection[];
  symbols: ElfSymbol[];
}

export const SHT_PROGBITS = 1;
export const SHT_NOBITS = 8;
export const SHF_WRITE = 0x1;
export const SHF_ALLOC = 0x2;
export const SHF_EXECINSTR = 0x4;
export const EM_ARM = 40;
const SHT_SYMTAB = 2;

function cString(bytes: Buffer, offset: number): string {
  const end = bytes.indexOf(0, offset);
  return bytes.toString('latin1', offset, end < 0 ? bytes.length : end);
}

export function parseElf32(file: Buffer): Elf32 {
  if (file.readUInt32BE(0) !== 0x7f454c46 || file[4] !== 1 || file[5] !== 1) {
    throw new Error('not a 32-bit little-endian ELF file');
  }
  const machine = file.readUInt16LE(18);
  const shoff = file.readUInt32LE(32);
  const shentsize = file.readUInt16LE(46);
  const shnum = file.readUInt16LE(48);
  const shstrndx = file.readUInt16LE(50);
  const raw = Array.from({ length: shnum }, (_, i) => {
    const at = shoff + i * shentsize;
    return {
      nameOffset: file.readUInt32LE(at),
      type: file.readUInt32LE(at + 4),
      flags: file.readUInt32LE(at + 8),
      addr: file.readUInt32LE(at + 12),
      offset: file.readUInt32LE(at + 16),
      size: file.readUInt32LE(at + 20),
      link: file.readUInt32LE(at + 24),
      entsize: file.readUInt32LE(at + 36),
    };
  });
  const names = file.subarray(raw[shstrndx]!.offset, raw[shstrndx]!.offset + raw[shstrndx]!.size);
  const sections = raw.map((s) => ({
    name: cString(names, s.nameOffset),
    type: s.type,
    flags: s.flags,
    addr: s.addr,
    size: s.size,
    data: s.type === SHT_NOBITS ? Buffer.alloc(0) : file.subarray(s.offset, s.offset + s.size),
  }));
  const symbols: ElfSymbol[] = [];
  for (const symtab of raw.filter((s) => s.type === SHT_SYMTAB)) {
    const strtab = raw[symtab.link]!;
    const strings = file.subarray(strtab.offset, strtab.offset + strtab.size);
    for (let at = symtab.offset; at < symtab.offset + symtab.size; at += symtab.entsize) {
      symbols.push({
        name: cString(strings, file.readUInt32LE(at)),
        value: file.readUInt32LE(at + 4),
        size: file.readUInt32LE(at + 8),
        shndx: file.readUInt16LE(at + 14),
      });
    }
  }
  return { machine, sections, symbols };
}

export function section(elf: Elf32, name: string): ElfSection {
  const found = elf.sections.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no section ${name}`);
  return found;
}

export function symbol(elf: Elf32, name: string): ElfSymbol {
  const found = elf.symbols.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no symbol ${name}`);
  return found;
}

/** The bytes at [addr, addr + size) from whichever allocated section holds them. */
export function bytesAt(elf: Elf32, addr: number, size: number): Buffer {
  const holder = elf.sections.find((s) => (s.flags & SHF_ALLOC) !== 0 && s.type === SHT_PROGBITS && addr >= s.addr && addr + size <= s.addr + s.size);
  if (holder === undefined) throw new Error(`no section holds 0x${addr.toString(16)}+${size}`);
  return holder.data.subarray(addr - holder.addr, addr - holder.addr + size);
}
