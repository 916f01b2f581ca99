/**
 * Target memory as the host engine sees it through a MEM-AP (ADIv5.2 C2.6) or any other path
 * (runtime: plain Node). Every method is asynchronous because each access is a CMSIS-DAP
 * transfer; implementations queue accesses and resolve them when the probe answers, so many
 * calls issued without awaiting each one keep the probe's packet pipeline full.
 *
 * Addresses are 32-bit unsigned. A failed access rejects with a TransferError subclass that
 * names the address.
 */
export interface MemoryInterface {
  read8(address: number): Promise<number>;
  read16(address: number): Promise<number>;
  read32(address: number): Promise<number>;
  write8(address: number, value: number): Promise<void>;
  write16(address: number, value: number): Promise<void>;
  write32(address: number, value: number): Promise<void>;
  /** `count` consecutive words from a word-aligned address. */
  readBlock32(address: number, count: number): Promise<Uint32Array>;
  writeBlock32(address: number, words: Uint32Array | readonly number[]): Promise<void>;
  /** Any length at any alignment: split into 8/16/32-bit and block accesses as needed. */
  readBytes(address: number, length: number): Promise<Uint8Array>;
  writeBytes(address: number, data: Uint8Array): Promise<void>;
}
