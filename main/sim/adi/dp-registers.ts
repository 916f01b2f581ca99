/**
 * SW-DP register addresses and bit fields (ARM IHI 0031 ADIv5.2, B2.2 "DP register descriptions").
 */

/** A[3:2] << 2 of DP registers. */
export const DP_ADDR = {
  /** Read DPIDR, write ABORT. */
  IDR_ABORT: 0x0,
  /** CTRL/STAT and the DPBANKSEL-selected registers (DLCR, TARGETID, DLPIDR, EVENTSTAT). */
  BANKED: 0x4,
  /** Read RESEND, write SELECT. */
  RESEND_SELECT: 0x8,
  /** Read RDBUFF, write TARGETSEL (DPv2). */
  RDBUFF_TARGETSEL: 0xc,
} as const;

/** ABORT bits (B2.2.1). */
export const ABORT = {
  DAPABORT: 1 << 0,
  STKCMPCLR: 1 << 1,
  STKERRCLR: 1 << 2,
  WDERRCLR: 1 << 3,
  ORUNERRCLR: 1 << 4,
} as const;

/** CTRL/STAT bits (B2.2.2). */
export const CTRL_STAT = {
  ORUNDETECT: 1 << 0,
  STICKYORUN: 1 << 1,
  TRNMODE_SHIFT: 2,
  TRNMODE_MASK: 0b11 << 2,
  STICKYCMP: 1 << 4,
  STICKYERR: 1 << 5,
  READOK: 1 << 6,
  WDATAERR: 1 << 7,
  MASKLANE_SHIFT: 8,
  MASKLANE_MASK: 0xf << 8,
  TRNCNT_MASK: 0xfff << 12,
  CDBGRSTREQ: 1 << 26,
  CDBGRSTACK: 1 << 27,
  CDBGPWRUPREQ: 1 << 28,
  CDBGPWRUPACK: 1 << 29,
  CSYSPWRUPREQ: 1 << 30,
  CSYSPWRUPACK: 2 ** 31,
} as const;

/** Bits of CTRL/STAT a debugger may write on a SW-DP; the sticky flags clear only through ABORT (B2.2.2). */
export const CTRL_STAT_WRITABLE =
  CTRL_STAT.ORUNDETECT |
  CTRL_STAT.TRNMODE_MASK |
  CTRL_STAT.MASKLANE_MASK |
  CTRL_STAT.TRNCNT_MASK |
  CTRL_STAT.CDBGRSTREQ |
  CTRL_STAT.CDBGPWRUPREQ |
  CTRL_STAT.CSYSPWRUPREQ;

/** The sticky flags that make the DP answer FAULT (B4.2.4). */
export const STICKY_FLAGS = CTRL_STAT.STICKYORUN | CTRL_STAT.STICKYCMP | CTRL_STAT.STICKYERR | CTRL_STAT.WDATAERR;

/** DPBANKSEL values of the registers at address 0x4 (B2.2, table B2-1). */
export const DP_BANK = { CTRL_STAT: 0, DLCR: 1, TARGETID: 2, DLPIDR: 3, EVENTSTAT: 4 } as const;

/** The DP architecture version in DPIDR[15:12] (B2.2.5). */
export function dpVersion(dpidr: number): number {
  return (dpidr >>> 12) & 0xf;
}
