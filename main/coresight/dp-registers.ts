/**
 * SW-DP register map and bit fields, ADIv5.2 B2.2 (runtime: plain Node).
 *
 * A DP register is named by `bank << 4 | address`: DPBANKSEL (SELECT[3:0]) only selects among
 * the registers at address 0x4 (ADIv5.2 B2.2.9), so CTRL/STAT is 0x04, DLCR 0x14, TARGETID
 * 0x24, DLPIDR 0x34 and EVENTSTAT 0x44.
 */
export const DpRegister = {
  DPIDR: 0x00,
  ABORT: 0x00,
  CTRL_STAT: 0x04,
  DLCR: 0x14,
  TARGETID: 0x24,
  DLPIDR: 0x34,
  EVENTSTAT: 0x44,
  SELECT: 0x08,
  RESEND: 0x08,
  RDBUFF: 0x0c,
  TARGETSEL: 0x0c,
} as const;

/** CTRL/STAT bits, ADIv5.2 B2.2.2. */
export const CtrlStat = {
  CSYSPWRUPACK: 1 << 31,
  CSYSPWRUPREQ: 1 << 30,
  CDBGPWRUPACK: 1 << 29,
  CDBGPWRUPREQ: 1 << 28,
  CDBGRSTACK: 1 << 27,
  CDBGRSTREQ: 1 << 26,
  WDATAERR: 1 << 7,
  READOK: 1 << 6,
  STICKYERR: 1 << 5,
  STICKYCMP: 1 << 4,
  STICKYORUN: 1 << 1,
  ORUNDETECT: 1 << 0,
} as const;

/** ABORT bits, ADIv5.2 B2.2.1. */
export const Abort = {
  ORUNERRCLR: 1 << 4,
  WDERRCLR: 1 << 3,
  STKERRCLR: 1 << 2,
  STKCMPCLR: 1 << 1,
  DAPABORT: 1 << 0,
} as const;

export const ABORT_ALL_CLEAR = Abort.ORUNERRCLR | Abort.WDERRCLR | Abort.STKERRCLR | Abort.STKCMPCLR;

/** DPIDR fields, ADIv5.2 B2.2.5. */
export interface Dpidr {
  readonly raw: number;
  readonly revision: number;
  readonly partNo: number;
  /** Transaction counter, pushed verify and pushed find are not implemented when set. */
  readonly min: boolean;
  /** DP architecture version: 1 = DPv1, 2 = DPv2. */
  readonly version: number;
  readonly designer: { readonly continuation: number; readonly identity: number };
}

export function decodeDpidr(raw: number): Dpidr {
  const value = raw >>> 0;
  return {
    raw: value,
    revision: value >>> 28,
    partNo: (value >>> 20) & 0xff,
    min: ((value >>> 16) & 1) === 1,
    version: (value >>> 12) & 0xf,
    designer: { continuation: (value >>> 8) & 0xf, identity: (value >>> 1) & 0x7f },
  };
}
