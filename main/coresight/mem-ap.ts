/**
 * MEM-AP: target memory through an ADIv5.2 Memory Access Port (C2.6) (runtime: plain Node).
 *
 * CSW and TAR are cached and only rewritten when they change. Accesses use AddrInc "single"
 * (C2.6.4), so consecutive accesses need no TAR write; the increment is only guaranteed inside
 * the 1 KiB block that TAR points into (C2.6.3 "Automatic address increment"), so blocks are
 * split there and TAR is rewritten. 8- and 16-bit data sits on the byte lanes given by
 * TAR[1:0] (C2.6.5 "Byte lanes"). All accesses of one call are queued synchronously, so a block
 * of any length streams through the probe's packet pipeline.
 */
import { TransferError } from '../probe/errors';
import { AccessPort, ApRegister, type ApIdr } from './access-port';
import type { DebugPort } from './debug-port';
import type { MemoryInterface } from './memory-interface';

/** CSW fields (ADIv5.2 C2.6.4). */
export const Csw = {
  SIZE_8: 0,
  SIZE_16: 1,
  SIZE_32: 2,
  SIZE_MASK: 0x7,
  ADDRINC_SINGLE: 1 << 4,
  ADDRINC_MASK: 0x3 << 4,
  DEVICE_EN: 1 << 6,
  TR_IN_PROG: 1 << 7,
  MODE_MASK: 0xf << 8,
  /** AHB HPROT[0] (data access) and HPROT[1] (privileged) in Prot, CSW[25:24] on an AHB-AP. */
  AHB_HPROT_DATA_PRIVILEGED: 0x03000000,
} as const;

const AUTO_INCREMENT_BLOCK = 1024;
const AHB_TYPES = new Set([0x1, 0x5, 0x8]);

function hex32(address: number): string {
  return `0x${(address >>> 0).toString(16).padStart(8, '0')}`;
}

export class MemAp extends AccessPort implements MemoryInterface {
  private cswBase = 0;
  private cachedCsw: number | undefined;
  private cachedTar: number | undefined;
  /** CFG (C2.6.2) and BASE (C2.6.1) as read at init. */
  cfg = 0;
  base = 0;
  /** CSW.DeviceEn at init: false when the AP cannot reach its bus (e.g. debug disabled by the device). */
  deviceEnabled = true;

  constructor(dp: DebugPort, apsel: number, idr: ApIdr) {
    super(dp, apsel, idr);
    dp.onInvalidate(() => this.invalidate());
  }

  /** Creates and initialises (reads CSW, CFG, BASE) a MEM-AP. */
  static async create(dp: DebugPort, apsel: number, idr: ApIdr): Promise<MemAp> {
    const ap = new MemAp(dp, apsel, idr);
    await ap.init();
    return ap;
  }

  async init(): Promise<void> {
    const [csw, cfg, base] = await Promise.all([this.read(ApRegister.CSW), this.read(ApRegister.CFG), this.read(ApRegister.BASE)]);
    this.deviceEnabled = (csw & Csw.DEVICE_EN) !== 0;
    // Keep the implementation-defined upper fields (Prot, SPIDEN, Type), clear Mode, size and increment.
    let keep = (csw & 0xfffff000) >>> 0;
    if (AHB_TYPES.has(this.idr.type)) keep = (keep | Csw.AHB_HPROT_DATA_PRIVILEGED) >>> 0;
    this.cswBase = keep;
    this.cfg = cfg >>> 0;
    this.base = base >>> 0;
    this.invalidate();
  }

  /** BASE when it points at a debug component table (C2.6.1: bit 0 Entry present, legacy 0xFFFFFFFF = none). */
  get romTableAddress(): number | undefined {
    if (this.base === 0xffffffff) return undefined;
    if ((this.base & 0x2) !== 0 && (this.base & 0x1) === 0) return undefined;
    return (this.base & 0xfffff000) >>> 0;
  }

  /** Forgets cached CSW and TAR (after errors, resets, or another agent touching the AP). */
  invalidate(): void {
    this.cachedCsw = undefined;
    this.cachedTar = undefined;
  }

  private setCsw(size: number): void {
    const value = (this.cswBase | size | Csw.ADDRINC_SINGLE) >>> 0;
    if (this.cachedCsw === value) return;
    this.cachedCsw = value;
    void this.write(ApRegister.CSW, value);
  }

  private setTar(address: number): void {
    if (this.cachedTar === address) return;
    void this.write(ApRegister.TAR, address);
    this.cachedTar = address;
  }

  /** TAR after `bytes` of auto-increment from `address`, unknown past the 1 KiB block. */
  private advanceTar(address: number, bytes: number): void {
    const next = address + bytes;
    const sameBlock = Math.floor(address / AUTO_INCREMENT_BLOCK) === Math.floor(next / AUTO_INCREMENT_BLOCK) && next <= 0xffffffff;
    this.cachedTar = sameBlock ? next >>> 0 : undefined;
  }

  private fail(access: string, address: number): (error: unknown) => never {
    return (error: unknown) => {
      this.invalidate();
      if (error instanceof TransferError) throw error.atAddress(address, access);
      throw error;
    };
  }

  private checkAddress(address: number, alignment: number, access: string): void {
    if (!Number.isInteger(address) || address < 0 || address > 0xffffffff) throw new RangeError(`${access}: address ${address} is not a 32-bit unsigned value`);
    if (address % alignment !== 0) throw new RangeError(`${access} at ${hex32(address)} is not ${alignment}-byte aligned`);
  }

  private readSized(address: number, size: number, bytes: number, access: string): Promise<number> {
    try {
      this.checkAddress(address, bytes, access);
    } catch (error) {
      return Promise.reject(error);
    }
    this.setCsw(size);
    this.setTar(address);
    const value = this.read(ApRegister.DRW);
    this.advanceTar(address, bytes);
    const lane = (address & 3) * 8;
    const mask = bytes === 4 ? 0xffffffff : (1 << (bytes * 8)) - 1;
    return value.then((word) => ((word >>> lane) & mask) >>> 0, this.fail(access, address));
  }

  private writeSized(address: number, value: number, size: number, bytes: number, access: string): Promise<void> {
    try {
      this.checkAddress(address, bytes, access);
    } catch (error) {
      return Promise.reject(error);
    }
    this.setCsw(size);
    this.setTar(address);
    const lane = (address & 3) * 8;
    const mask = bytes === 4 ? 0xffffffff : (1 << (bytes * 8)) - 1;
    const done = this.write(ApRegister.DRW, ((value & mask) << lane) >>> 0);
    this.advanceTar(address, bytes);
    return done.catch(this.fail(access, address));
  }

  read8(address: number): Promise<number> {
    return this.readSized(address, Csw.SIZE_8, 1, '8-bit read');
  }

  read16(address: number): Promise<number> {
    return this.readSized(address, Csw.SIZE_16, 2, '16-bit read');
  }

  read32(address: number): Promise<number> {
    return this.readSized(address, Csw.SIZE_32, 4, '32-bit read');
  }

  write8(address: number, value: number): Promise<void> {
    return this.writeSized(address, value, Csw.SIZE_8, 1, '8-bit write');
  }

  write16(address: number, value: number): Promise<void> {
    return this.writeSized(address, value, Csw.SIZE_16, 2, '16-bit write');
  }

  write32(address: number, value: number): Promise<void> {
    return this.writeSized(address, value, Csw.SIZE_32, 4, '32-bit write');
  }

  /** Splits [address, address + 4*count) at 1 KiB boundaries. */
  private chunks(address: number, count: number): { address: number; count: number; offset: number }[] {
    const result: { address: number; count: number; offset: number }[] = [];
    let offset = 0;
    while (offset < count) {
      const at = address + 4 * offset;
      const room = (AUTO_INCREMENT_BLOCK - (at % AUTO_INCREMENT_BLOCK)) / 4;
      const n = Math.min(room, count - offset);
      result.push({ address: at, count: n, offset });
      offset += n;
    }
    return result;
  }

  private checkBlock(address: number, count: number, access: string): void {
    this.checkAddress(address, 4, access);
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`${access} at ${hex32(address)}: word count ${count} is not a non-negative integer`);
    if (address + 4 * count > 0x1_0000_0000) throw new RangeError(`${access} at ${hex32(address)}: ${count} words run past the end of the 32-bit address space`);
  }

  readBlock32(address: number, count: number): Promise<Uint32Array> {
    try {
      this.checkBlock(address, count, 'block read');
    } catch (error) {
      return Promise.reject(error);
    }
    const result = new Uint32Array(count);
    const parts = this.chunks(address, count).map(({ address: at, count: n, offset }) => {
      this.setCsw(Csw.SIZE_32);
      this.setTar(at);
      const words = this.dp.readAPRepeated(this.apsel, ApRegister.DRW, n);
      this.advanceTar(at, 4 * n);
      return words.then((w) => result.set(w, offset), this.fail(`block read of ${n} words`, at));
    });
    return Promise.all(parts).then(() => result);
  }

  writeBlock32(address: number, words: Uint32Array | readonly number[]): Promise<void> {
    const data = words instanceof Uint32Array ? words : Uint32Array.from(words, (w) => w >>> 0);
    try {
      this.checkBlock(address, data.length, 'block write');
    } catch (error) {
      return Promise.reject(error);
    }
    const parts = this.chunks(address, data.length).map(({ address: at, count: n, offset }) => {
      this.setCsw(Csw.SIZE_32);
      this.setTar(at);
      const done = this.dp.writeAPRepeated(this.apsel, ApRegister.DRW, data.subarray(offset, offset + n));
      this.advanceTar(at, 4 * n);
      return done.catch(this.fail(`block write of ${n} words`, at));
    });
    return Promise.all(parts).then(() => undefined);
  }

  /** Splits [address, address + length) into a byte/halfword head, a word block and a tail. */
  private layout(address: number, length: number): { head: number; words: number; tail: number } {
    const head = Math.min(length, (4 - (address % 4)) % 4);
    const words = Math.floor((length - head) / 4);
    return { head, words, tail: length - head - 4 * words };
  }

  private smallPieces(address: number, length: number): { address: number; bytes: 1 | 2 }[] {
    const pieces: { address: number; bytes: 1 | 2 }[] = [];
    let at = address;
    const end = address + length;
    while (at < end) {
      const bytes = at % 2 === 0 && end - at >= 2 ? 2 : 1;
      pieces.push({ address: at, bytes });
      at += bytes;
    }
    return pieces;
  }

  readBytes(address: number, length: number): Promise<Uint8Array> {
    if (!Number.isInteger(length) || length < 0) return Promise.reject(new RangeError(`read of ${length} bytes at ${hex32(address)}: length is not a non-negative integer`));
    if (!Number.isInteger(address) || address < 0 || address + length > 0x1_0000_0000) return Promise.reject(new RangeError(`read of ${length} bytes at ${address}: outside the 32-bit address space`));
    const out = new Uint8Array(length);
    const { head, words, tail } = this.layout(address, length);
    const small = (from: number, n: number): Promise<void>[] =>
      this.smallPieces(from, n).map((p) =>
        (p.bytes === 2 ? this.read16(p.address) : this.read8(p.address)).then((v) => {
          out[p.address - address] = v & 0xff;
          if (p.bytes === 2) out[p.address - address + 1] = v >>> 8;
        }),
      );
    const parts = [...small(address, head)];
    if (words > 0) {
      parts.push(
        this.readBlock32(address + head, words).then((w) => {
          const view = new DataView(out.buffer, out.byteOffset + head, words * 4);
          for (let i = 0; i < words; i++) view.setUint32(i * 4, w[i]!, true);
        }),
      );
    }
    parts.push(...small(address + head + 4 * words, tail));
    return Promise.all(parts).then(() => out);
  }

  writeBytes(address: number, data: Uint8Array): Promise<void> {
    const length = data.length;
    if (!Number.isInteger(address) || address < 0 || address + length > 0x1_0000_0000) return Promise.reject(new RangeError(`write of ${length} bytes at ${address}: outside the 32-bit address space`));
    const { head, words, tail } = this.layout(address, length);
    const small = (from: number, n: number): Promise<void>[] =>
      this.smallPieces(from, n).map((p) => {
        const i = p.address - address;
        return p.bytes === 2 ? this.write16(p.address, data[i]! | (data[i + 1]! << 8)) : this.write8(p.address, data[i]!);
      });
    const parts = [...small(address, head)];
    if (words > 0) {
      const view = new DataView(data.buffer, data.byteOffset + head, words * 4);
      const block = new Uint32Array(words);
      for (let i = 0; i < words; i++) block[i] = view.getUint32(i * 4, true);
      parts.push(this.writeBlock32(address + head, block));
    }
    parts.push(...small(address + head + 4 * words, tail));
    return Promise.all(parts).then(() => undefined);
  }
}
