import { NvmArray } from '../common/nvm-array';
import { OPTION_BYTES_SIZE } from './memory-map';

/**
 * The option bytes (RM0377 3.4 and the "Option bytes" table): 32-bit words at 0x1FF80000 whose
 * low half-word is the value and high half-word its complement. They are loaded into
 * FLASH_OPTR / FLASH_WRPROT1 at power-on and on OBL_LAUNCH; what is loaded is what is in force
 * until the next load, whatever has been programmed since.
 *
 * - word 0: RDPROT (bits 7:0) and WPRMOD (bit 8). RDPROT 0xAA = level 0, 0xCC = level 2,
 *   anything else = level 1.
 * - word 1: USER — BOR_LEV (3:0), WDG_SW (4), nRST_STOP (5), nRST_STDBY (6), BFB2 (7),
 *   nBOOT1 (15); it appears in FLASH_OPTR bits 31:16.
 * - words 2 and 3: WRPROT1 bits 15:0 and 31:16 (one bit per 4 KiB sector).
 * A word whose complement does not match sets OPTVERR and loads the default: level 1 for RDP.
 */
export const RDP_LEVEL0 = 0;
export const RDP_LEVEL0_BYTE = 0xaa;
export const RDP_LEVEL2_BYTE = 0xcc;

/** Factory content (the part ships at RDP level 0, FLASH_OPTR = 0x807000AA). */
const FACTORY_USER = 0x8070;

function word(value: number): number {
  return (((~value & 0xffff) << 16) | (value & 0xffff)) >>> 0;
}

export class OptionBytes {
  readonly array = new NvmArray('option-bytes', OPTION_BYTES_SIZE, 0x00);
  private loadedOptr = 0;
  private loadedWrprot1 = 0;

  /** Programs the factory values into the option byte array. */
  writeFactoryContent(): void {
    this.array.erase(0, this.array.size);
    this.array.program(0, 4, word(RDP_LEVEL0_BYTE));
    this.array.program(4, 4, word(FACTORY_USER));
    this.array.program(8, 4, word(0));
    this.array.program(12, 4, word(0));
  }

  /** Loads the option bytes into the registers; returns true when every complement matched. */
  load(): boolean {
    let ok = true;
    const half = (offset: number, fallback: number): number => {
      const w = this.array.readWord(offset);
      if (((w >>> 16) ^ (w & 0xffff)) !== 0xffff) {
        ok = false;
        return fallback;
      }
      return w & 0xffff;
    };
    const rdp = half(0, 0x00); // 0x00 is neither 0xAA nor 0xCC: level 1
    const user = half(4, FACTORY_USER);
    this.loadedOptr = ((user << 16) | (rdp & 0x1ff)) >>> 0;
    this.loadedWrprot1 = ((half(12, 0) << 16) | half(8, 0)) >>> 0;
    return ok;
  }

  /** FLASH_OPTR as loaded. */
  get optr(): number {
    return this.loadedOptr;
  }

  get wrprot1(): number {
    return this.loadedWrprot1;
  }

  /** The read protection level in force. */
  get rdpLevel(): 0 | 1 | 2 {
    const rdp = this.loadedOptr & 0xff;
    if (rdp === RDP_LEVEL0_BYTE) return 0;
    if (rdp === RDP_LEVEL2_BYTE) return 2;
    return 1;
  }

  /** True when `value`, written to option word 0, selects level 0 with a valid complement. */
  isLevel0Word(value: number): boolean {
    return (value & 0xff) === RDP_LEVEL0_BYTE && ((value >>> 16) ^ (value & 0xffff)) === 0xffff;
  }
}
