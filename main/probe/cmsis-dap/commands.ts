/**
 * CMSIS-DAP v2.1 command identifiers and field encodings (runtime: plain Node).
 * Section names refer to the CMSIS-DAP v2.1 reference ("Commands").
 */
export const DapCommand = {
  Info: 0x00,
  HostStatus: 0x01,
  Connect: 0x02,
  Disconnect: 0x03,
  TransferConfigure: 0x04,
  Transfer: 0x05,
  TransferBlock: 0x06,
  TransferAbort: 0x07,
  WriteAbort: 0x08,
  Delay: 0x09,
  ResetTarget: 0x0a,
  SwjPins: 0x10,
  SwjClock: 0x11,
  SwjSequence: 0x12,
  SwdConfigure: 0x13,
  SwdSequence: 0x1d,
  ExecuteCommands: 0x7f,
} as const;

/** "Command Response Status": DAP_OK / DAP_ERROR. */
export const DAP_OK = 0x00;
export const DAP_ERROR = 0xff;

/** DAP_Connect port values. */
export const DapPort = { Default: 0, Swd: 1, Jtag: 2 } as const;

/** DAP_Info ids ("DAP_Info"). */
export const DapInfoId = {
  Vendor: 0x01,
  Product: 0x02,
  SerialNumber: 0x03,
  ProtocolVersion: 0x04,
  TargetDeviceVendor: 0x05,
  TargetDeviceName: 0x06,
  TargetBoardVendor: 0x07,
  TargetBoardName: 0x08,
  FirmwareVersion: 0x09,
  Capabilities: 0xf0,
  TestDomainTimer: 0xf1,
  UartReceiveBufferSize: 0xfb,
  UartTransmitBufferSize: 0xfc,
  SwoTraceBufferSize: 0xfd,
  PacketCount: 0xfe,
  PacketSize: 0xff,
} as const;

/** DAP_Transfer request byte bits ("DAP_Transfer": Transfer Request). */
export const TransferRequest = {
  APnDP: 1 << 0,
  RnW: 1 << 1,
  ValueMatch: 1 << 4,
  MatchMask: 1 << 5,
  Timestamp: 1 << 7,
} as const;

/** DAP_Transfer response byte: bits 2:0 are the SWD ACK, bit 3 a protocol (parity) error. */
export const TransferAck = { Ok: 1, Wait: 2, Fault: 4, NoAck: 7 } as const;
export const TRANSFER_PROTOCOL_ERROR = 1 << 3;
export const TRANSFER_VALUE_MISMATCH = 1 << 4;

/** DAP_SWJ_Pins pin bits. */
export const SwjPin = { Swclk: 1 << 0, Swdio: 1 << 1, Tdi: 1 << 2, Tdo: 1 << 3, nTrst: 1 << 5, nReset: 1 << 7 } as const;

/** Builds a transfer request byte for register address `a32` (A[3:2] in bits 3:2). */
export function transferRequest(apndp: boolean, read: boolean, a32: number): number {
  return (apndp ? TransferRequest.APnDP : 0) | (read ? TransferRequest.RnW : 0) | (a32 & 0x0c);
}

export function putU16(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = value & 0xff;
  bytes[offset + 1] = (value >>> 8) & 0xff;
}

export function putU32(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = value & 0xff;
  bytes[offset + 1] = (value >>> 8) & 0xff;
  bytes[offset + 2] = (value >>> 16) & 0xff;
  bytes[offset + 3] = (value >>> 24) & 0xff;
}

export function getU16(bytes: Uint8Array, offset: number): number {
  return bytes[offset]! | (bytes[offset + 1]! << 8);
}

export function getU32(bytes: Uint8Array, offset: number): number {
  return (bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 24)) >>> 0;
}

export function hex(value: number, digits = 8): string {
  return `0x${(value >>> 0).toString(16).padStart(digits, '0')}`;
}
