import type { BusSlave } from '../../bus/bus-types';
import { ComponentClass, componentIdRegister } from '../../core/component-id';
import type { PeripheralId } from '../../core/core-models';

/**
 * The STM32L0's MCU ROM table at 0xF0000000, where the AHB-AP's BASE register points (RM0377,
 * "Debug support (DBG)": the MCU ROM table lists the Cortex-M0+ processor ROM table). Its
 * identification names ST (JEP106 bank 0, code 0x20) with the part's DEV_ID 0x417 as part number.
 */
const PID: PeripheralId = [0x17, 0x04, 0x0a, 0x00, 0x00];

/**
 * Entries (CoreSight ROM table, 32-bit format: bit 1 set, bit 0 = present): the processor ROM
 * table at 0xE00FF000 (offset 0xF00FF000 from this table, modulo 2^32), then an absent entry, as
 * the part's table holds, then the end marker.
 */
const ENTRIES = [0xf00f_f003, 0x0020_0002, 0];
/** MEMTYPE.SYSMEM: system memory is present on this bus (CoreSight v3.0 D5.3.4). */
const MEMTYPE_OFFSET = 0xfcc;

export class McuRomTable implements BusSlave {
  readonly name = 'MCU ROM table';

  read(offset: number): number {
    if (offset < 4 * ENTRIES.length) return ENTRIES[offset >> 2]!;
    if (offset === MEMTYPE_OFFSET) return 1;
    return componentIdRegister(offset, PID, ComponentClass.RomTable) ?? 0;
  }

  /** A ROM table is read-only; writes are ignored (CoreSight v3.0 D5.2). */
  write(): boolean {
    return true;
  }
}
