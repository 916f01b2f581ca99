/**
 * Command identifiers, DAP_Info identifiers and bit fields of the CMSIS-DAP protocol
 * (CMSIS-DAP v2.1 documentation, "Commands" and their sub-pages).
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
  JtagSequence: 0x14,
  JtagConfigure: 0x15,
  JtagIdcode: 0x16,
  SwoTransport: 0x17,
  SwoMode: 0x18,
  SwoBaudrate: 0x19,
  SwoControl: 0x1a,
  SwoStatus: 0x1b,
  SwoData: 0x1c,
  SwdSequence: 0x1d,
  SwoExtendedStatus: 0x1e,
  QueueCommands: 0x7e,
  ExecuteCommands: 0x7f,
} as const;

/** The one-byte response to a command the probe does not implement ("Commands", note). */
export const ID_DAP_INVALID = 0xff;

/** DAP_Info IDs (DAP_Info command). */
export const DapInfoId = {
  VendorName: 0x01,
  ProductName: 0x02,
  SerialNumber: 0x03,
  ProtocolVersion: 0x04,
  TargetDeviceVendor: 0x05,
  TargetDeviceName: 0x06,
  TargetBoardVendor: 0x07,
  TargetBoardName: 0x08,
  ProductFirmwareVersion: 0x09,
  Capabilities: 0xf0,
  TestDomainTimer: 0xf1,
  UartRxBufferSize: 0xfb,
  UartTxBufferSize: 0xfc,
  SwoTraceBufferSize: 0xfd,
  PacketCount: 0xfe,
  PacketSize: 0xff,
} as const;

/** Capabilities byte 0 (DAP_Info, "Capabilities"). */
export const Capability = {
  Swd: 1 << 0,
  Jtag: 1 << 1,
  SwoUart: 1 << 2,
  SwoManchester: 1 << 3,
  AtomicCommands: 1 << 4,
  TestDomainTimer: 1 << 5,
  SwoStreamingTrace: 1 << 6,
  UartCommunicationPort: 1 << 7,
} as const;

/** Response status bytes ("Commands", Response Status). */
export const DAP_OK = 0x00;
export const DAP_ERROR = 0xff;

/** DAP_Connect port values. */
export const DapPort = { Default: 0, Swd: 1, Jtag: 2 } as const;

/** Transfer Request bits (DAP_Transfer). */
export const TransferRequest = {
  APnDP: 1 << 0,
  RnW: 1 << 1,
  A_MASK: 0b11 << 2,
  ValueMatch: 1 << 4,
  MatchMask: 1 << 5,
  TimeStamp: 1 << 7,
} as const;

/** Transfer Response bits (DAP_Transfer): the ACK in [2:0], protocol error and value mismatch. */
export const TransferResponse = {
  Ok: 0x1,
  Wait: 0x2,
  Fault: 0x4,
  NoAck: 0x7,
  ProtocolError: 1 << 3,
  ValueMismatch: 1 << 4,
} as const;

/** DAP_SWJ_Pins bit positions. */
export const SwjPin = {
  SWCLK: 1 << 0,
  SWDIO: 1 << 1,
  TDI: 1 << 2,
  TDO: 1 << 3,
  nTRST: 1 << 5,
  nRESET: 1 << 7,
} as const;

/** DAP_SWO_Status Trace Status bits. */
export const SwoStatusBit = { Active: 1 << 0, StreamError: 1 << 6, BufferOverrun: 1 << 7 } as const;
