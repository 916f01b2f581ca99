/**
 * Little-endian readers and writers for CMSIS-DAP packets ("Commands", conventions: SHORT and
 * WORD are sent low byte first). A request shorter than its command needs reads as zeros,
 * as the firmware would read whatever its buffer held; the simulator keeps that deterministic.
 */

export class RequestReader {
  private offset: number;
  private readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array, offset = 0) {
    this.bytes = bytes;
    this.offset = offset;
  }

  get position(): number {
    return this.offset;
  }

  get remaining(): number {
    return Math.max(0, this.bytes.length - this.offset);
  }

  u8(): number {
    const value = this.bytes[this.offset] ?? 0;
    this.offset++;
    return value;
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u8() | (this.u8() << 8) | (this.u8() << 16) | (this.u8() << 24)) >>> 0;
  }
}

export class ResponseWriter {
  readonly bytes: number[] = [];

  get length(): number {
    return this.bytes.length;
  }

  u8(value: number): void {
    this.bytes.push(value & 0xff);
  }

  u16(value: number): void {
    this.u8(value);
    this.u8(value >>> 8);
  }

  u32(value: number): void {
    this.u16(value);
    this.u16(value >>> 16);
  }

  /** Overwrites one byte already written (counts filled in after the work is done). */
  set(index: number, value: number): void {
    this.bytes[index] = value & 0xff;
  }

  append(other: ResponseWriter): void {
    for (const b of other.bytes) this.bytes.push(b);
  }
}
