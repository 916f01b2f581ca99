import { type AccessWidth, BusMaster, type BusSlave } from '../bus/bus-types';
import { ComponentClass, componentIdRegister } from './component-id';
import type { CoreModel, PeripheralId } from './core-models';

/**
 * The v7-M trace path as software and the debugger see it: the ITM at 0xE0000000 (ARMv7-M
 * Appendix D / C1.7), the TPIU at 0xE0040000 (CoreSight TPIU, the M3/M4 TRMs) and, on the M4,
 * the ETM's identification space at 0xE0041000. ITM stimulus writes leave as SWIT packets
 * (ARMv7-M D4.2.8) on the SWO output; instruction trace itself is not modeled.
 */

/** Key for the CoreSight lock access register (CoreSight B2.3.10). */
const LAR_KEY = 0xc5acce55;

export class InstrumentationTrace implements BusSlave {
  readonly name = 'ITM';
  private ter = 0;
  private tpr = 0;
  private tcr = 0;
  private locked = true;

  constructor(
    private readonly model: CoreModel,
    private readonly traceEnabled: () => boolean,
    private readonly emit: (bytes: Uint8Array) => void,
  ) {}

  reset(): void {
    this.ter = 0;
    this.tpr = 0;
    this.tcr = 0;
    this.locked = true;
  }

  private get itmEnabled(): boolean {
    return (this.tcr & 1) !== 0 && this.traceEnabled();
  }

  read(offset: number, _width: AccessWidth): number {
    // Stimulus port reads return FIFOREADY (bit 0) while the ITM is enabled (D4.2.8).
    if (offset < 0x080) return this.itmEnabled ? 1 : 0;
    switch (offset) {
      case 0xe00:
        return this.ter >>> 0;
      case 0xe40:
        return this.tpr;
      case 0xe80:
        return this.tcr;
      case 0xfb4:
        return this.locked ? 3 : 1;
    }
    return componentIdRegister(offset, this.model.pid.itm!, ComponentClass.GenericIp) ?? 0;
  }

  write(offset: number, width: AccessWidth, value: number, master: BusMaster): boolean {
    if (offset < 0x080) {
      const port = offset >> 2;
      if (this.itmEnabled && ((this.ter >>> port) & 1) !== 0) this.stimulus(port, width, value);
      return true;
    }
    if (offset === 0xfb0) {
      this.locked = value >>> 0 !== LAR_KEY;
      return true;
    }
    // The lock only applies to software; debugger accesses ignore it (CoreSight B2.3.10).
    if (this.locked && master === BusMaster.Core) return true;
    switch (offset) {
      case 0xe00:
        this.ter = value >>> 0;
        break;
      case 0xe40:
        this.tpr = value & 0xf;
        break;
      case 0xe80:
        this.tcr = value & 0x007f1f1f;
        break;
    }
    return true;
  }

  /** A SWIT packet: header (port << 3 | size code) then the payload bytes (D4.2.8). */
  private stimulus(port: number, width: AccessWidth, value: number): void {
    const packet = new Uint8Array(1 + width);
    packet[0] = (port << 3) | (width === 4 ? 3 : width);
    for (let i = 0; i < width; i++) packet[1 + i] = (value >>> (8 * i)) & 0xff;
    this.emit(packet);
  }
}

/** TPIU registers a debugger configures for SWO (CoreSight TPIU; M4 TRM 11.2). */
export class TracePortInterface implements BusSlave {
  readonly name = 'TPIU';
  private cspsr = 1;
  private acpr = 0;
  private sppr = 1;
  private ffcr = 0x102;

  constructor(private readonly pid: PeripheralId) {}

  reset(): void {
    this.cspsr = 1;
    this.acpr = 0;
    this.sppr = 1;
    this.ffcr = 0x102;
  }

  read(offset: number): number {
    switch (offset) {
      case 0x000:
        return 0xf;
      case 0x004:
        return this.cspsr;
      case 0x010:
        return this.acpr;
      case 0x0f0:
        return this.sppr;
      case 0x300:
        return 0x8;
      case 0x304:
        return this.ffcr;
      case 0xfc8:
        return 0xca1;
    }
    return componentIdRegister(offset, this.pid, ComponentClass.CoreSight) ?? 0;
  }

  write(offset: number, _width: AccessWidth, value: number): boolean {
    switch (offset) {
      case 0x004:
        this.cspsr = value >>> 0;
        break;
      case 0x010:
        this.acpr = value & 0x1fff;
        break;
      case 0x0f0:
        this.sppr = value & 3;
        break;
      case 0x304:
        this.ffcr = value & 0x3373;
        break;
    }
    return true;
  }
}

/** A component that only identifies itself (the M4 ETM: instruction trace is not modeled). */
export class IdentificationOnly implements BusSlave {
  constructor(
    readonly name: string,
    private readonly pid: PeripheralId,
    private readonly componentClass: ComponentClass,
  ) {}

  read(offset: number): number {
    return componentIdRegister(offset, this.pid, this.componentClass) ?? 0;
  }

  write(): boolean {
    return true;
  }
}

/**
 * The processor ROM table at 0xE00FF000 (ARMv7-M C1.2 / ARMv6-M C1.2; the TRMs' ROM table
 * tables): offsets from the table to each component, bit 0 = present, bit 1 = 32-bit format.
 */
export class ProcessorRomTable implements BusSlave {
  readonly name = 'ROM table';
  private readonly entries: number[];

  constructor(private readonly model: CoreModel) {
    const present = (offset: number): number => (offset | 3) >>> 0;
    const absent = (offset: number): number => (offset | 2) >>> 0;
    this.entries =
      model.architecture === 'v6m'
        ? [present(0xfff0f000), present(0xfff02000), present(0xfff03000), 0]
        : [
            present(0xfff0f000),
            present(0xfff02000),
            present(0xfff03000),
            present(0xfff01000),
            present(0xfff41000),
            model.hasEtm ? present(0xfff42000) : absent(0xfff42000),
            0,
          ];
  }

  read(offset: number): number {
    if (offset < 4 * this.entries.length) return this.entries[offset >> 2]!;
    // MEMTYPE: system memory is present on the bus (CoreSight D5.3.4).
    if (offset === 0xfcc) return 1;
    return componentIdRegister(offset, this.model.pid.romTable, ComponentClass.RomTable) ?? 0;
  }

  write(): boolean {
    return true;
  }
}
