/**
 * The cells of one non-volatile memory (flash main array, information page, data EEPROM,
 * option bytes). Controllers change them only through `program` and `erase`, which apply
 * the physics every such memory shares: an erase returns cells to the erased value, and
 * programming moves bits only away from it. Fault injection can pin single bits (a cell that
 * no longer programs or erases) so flash-verify paths can be tested.
 */
export class NvmArray {
  readonly bytes: Uint8Array;
  private readonly stuck = new Map<number, { mask: number; level: number }>();
  private readonly changeListeners: Array<(offset: number, length: number) => void> = [];
  /** Set whenever the content changes; the persistence layer clears it after saving. */
  dirty = false;

  constructor(
    readonly name: string,
    readonly size: number,
    /** 0xFF for NOR flash that erases to ones (nRF52840), 0x00 for the STM32L0 NVM. */
    readonly erasedByte: number,
  ) {
    this.bytes = new Uint8Array(size).fill(erasedByte);
  }

  /** Called after every content change with the changed byte range. */
  onChange(listener: (offset: number, length: number) => void): void {
    this.changeListeners.push(listener);
  }

  readWord(offset: number): number {
    const b = this.bytes;
    return (b[offset]! | (b[offset + 1]! << 8) | (b[offset + 2]! << 16) | (b[offset + 3]! << 24)) >>> 0;
  }

  /** True when every byte of [offset, offset + length) holds the erased value. */
  isErased(offset: number, length: number): boolean {
    for (let i = offset; i < offset + length; i++) if (this.bytes[i] !== this.erasedByte) return false;
    return true;
  }

  /**
   * Programs `length` bytes of `value` (little-endian) at `offset`. Programming can only move
   * bits away from the erased level: on a ones-erased array it ANDs, on a zeros-erased array
   * it ORs. Stuck bits keep their level.
   */
  program(offset: number, length: number, value: number): void {
    for (let i = 0; i < length; i++) {
      const v = (value >>> (8 * i)) & 0xff;
      const old = this.bytes[offset + i]!;
      this.bytes[offset + i] = this.applyStuck(offset + i, this.erasedByte === 0xff ? old & v : old | v);
    }
    this.changed(offset, length);
  }

  /** Returns [offset, offset + length) to the erased value (stuck bits keep their level). */
  erase(offset: number, length: number): void {
    for (let i = offset; i < offset + length; i++) this.bytes[i] = this.applyStuck(i, this.erasedByte);
    this.changed(offset, length);
  }

  /** Replaces the whole content (loading saved state or a firmware image); no physics applied. */
  load(content: Uint8Array): void {
    if (content.length !== this.size) throw new Error(`${this.name}: image is ${content.length} bytes, expected ${this.size}`);
    this.bytes.set(content);
    this.changed(0, this.size);
  }

  /** Fault injection: bit `bit` of byte `offset` stays at `level` after every program or erase. */
  injectStuckBit(offset: number, bit: number, level: 0 | 1): void {
    if (offset < 0 || offset >= this.size || bit < 0 || bit > 7) throw new Error(`${this.name}: no bit ${bit} at offset 0x${offset.toString(16)}`);
    const entry = this.stuck.get(offset) ?? { mask: 0, level: 0 };
    entry.mask |= 1 << bit;
    entry.level = level === 1 ? entry.level | (1 << bit) : entry.level & ~(1 << bit);
    this.stuck.set(offset, entry);
  }

  clearStuckBits(): void {
    this.stuck.clear();
  }

  private applyStuck(offset: number, value: number): number {
    const s = this.stuck.get(offset);
    return s === undefined ? value : (value & ~s.mask) | s.level;
  }

  private changed(offset: number, length: number): void {
    this.dirty = true;
    for (const l of this.changeListeners) l(offset, length);
  }
}
