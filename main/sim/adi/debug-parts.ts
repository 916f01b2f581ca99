import type { DebugPortDescription } from './debug-port';
import type { MemApDescription } from './mem-ap';

/**
 * The debug ports and access ports of the simulated parts, with the identification values
 * their documents give. Both parts have an SWD-only SW-DP of architecture version 1 (DPIDR
 * VERSION field = 1), so neither implements TARGETID, DLPIDR, EVENTSTAT or the dormant state;
 * those DPv2 features are exercised with a DPv2 description in the tests.
 */

export type DebugPartName = 'nrf52840' | 'stm32l051';

export interface DebugPartDescription {
  dp: DebugPortDescription;
  ahbAp: MemApDescription;
  /** APSEL of Nordic's CTRL-AP, where the part has one. */
  ctrlApSel?: number;
}

/** CSW reset value of the Cortex-M AHB-AP: Prot = 0x03 (privileged data), DeviceEn (Cortex-M4/M0+ TRMs). */
const AHB_AP_CSW_RESET = 0x03000040;

export const DEBUG_PARTS: Readonly<Record<DebugPartName, DebugPartDescription>> = {
  nrf52840: {
    // nRF52840 PS "Debug and trace": the Cortex-M4 SW-DP, DPIDR 0x2BA01477.
    dp: { dpidr: 0x2ba01477, swj: false, initialMode: 'swd', powerUpDelayNs: 2_000 },
    ahbAp: {
      // Cortex-M4 TRM, AHB-AP: IDR 0x24770011, CFG 0 (little-endian), BASE = the processor ROM table.
      idr: 0x24770011,
      cfg: 0,
      base: 0xe00ff003,
      cswReset: AHB_AP_CSW_RESET,
      // A few 64 MHz HCLK cycles per AHB transaction.
      accessTimeNs: 50,
      // The Cortex-M3/M4 AHB-AP auto-increments TAR[11:0]: a 4 KiB block (Cortex-M4 TRM, AHB-AP).
      autoIncrementBlock: 0x1000,
    },
    ctrlApSel: 1,
  },
  stm32l051: {
    // RM0377 "Debug support (DBG)": SW-DP DPIDR 0x0BC11477 (Cortex-M0+).
    dp: { dpidr: 0x0bc11477, swj: false, initialMode: 'swd', powerUpDelayNs: 2_000 },
    ahbAp: {
      // Cortex-M0+ TRM, AHB-AP: IDR 0x04770031. RM0377: BASE points at the vendor ROM table at 0xF0000000.
      idr: 0x04770031,
      cfg: 0,
      base: 0xf0000003,
      cswReset: AHB_AP_CSW_RESET,
      // Three HCLK cycles at the 2.1 MHz MSI clock the part starts on.
      accessTimeNs: 1_430,
      // The Cortex-M0+ AHB-AP auto-increments within the 1 KiB block ADIv5.2 C2.6.3 guarantees.
      autoIncrementBlock: 0x400,
    },
  },
};
