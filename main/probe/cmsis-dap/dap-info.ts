/**
 * DAP_Info: what a CMSIS-DAP probe says about itself (runtime: plain Node).
 * CMSIS-DAP v2.1 "DAP_Info": string ids answer a NUL-terminated string (length 0 when absent),
 * Capabilities one or two bytes, Packet Count a byte, Packet Size a 16-bit value, Test Domain
 * Timer and SWO Trace Buffer Size 32-bit values.
 */
import { DapInfoId, getU16, getU32 } from './commands';

export interface DapCapabilities {
  readonly swd: boolean;
  readonly jtag: boolean;
  readonly swoUart: boolean;
  readonly swoManchester: boolean;
  readonly atomicCommands: boolean;
  readonly testDomainTimer: boolean;
  readonly swoStreamingTrace: boolean;
  readonly uartCommunicationPort: boolean;
  readonly uartUsbComPort: boolean;
}

export interface DapInfo {
  readonly vendor: string | undefined;
  readonly product: string | undefined;
  readonly serialNumber: string | undefined;
  /** CMSIS-DAP protocol version, e.g. "2.1.0" (older firmware answers "1.10" / "2.0.0"). */
  readonly protocolVersion: string | undefined;
  readonly firmwareVersion: string | undefined;
  readonly targetDeviceVendor: string | undefined;
  readonly targetDeviceName: string | undefined;
  readonly targetBoardVendor: string | undefined;
  readonly targetBoardName: string | undefined;
  readonly capabilities: DapCapabilities;
  readonly testDomainTimerHz: number | undefined;
  readonly swoBufferSize: number | undefined;
  readonly packetCount: number;
  readonly packetSize: number;
}

export const STRING_INFO_IDS = {
  vendor: DapInfoId.Vendor,
  product: DapInfoId.Product,
  serialNumber: DapInfoId.SerialNumber,
  protocolVersion: DapInfoId.ProtocolVersion,
  targetDeviceVendor: DapInfoId.TargetDeviceVendor,
  targetDeviceName: DapInfoId.TargetDeviceName,
  targetBoardVendor: DapInfoId.TargetBoardVendor,
  targetBoardName: DapInfoId.TargetBoardName,
  firmwareVersion: DapInfoId.FirmwareVersion,
} as const;

/** The info bytes of a DAP_Info response (after `00 len`), empty when the probe has none. */
export function infoPayload(response: Uint8Array): Uint8Array {
  const length = response[1] ?? 0;
  return response.subarray(2, 2 + length);
}

export function decodeString(payload: Uint8Array): string | undefined {
  let end = payload.length;
  while (end > 0 && payload[end - 1] === 0) end--;
  if (end === 0) return undefined;
  return new TextDecoder().decode(payload.subarray(0, end));
}

export function decodeCapabilities(payload: Uint8Array): DapCapabilities {
  const b0 = payload[0] ?? 0;
  const b1 = payload[1] ?? 0;
  return {
    swd: (b0 & 0x01) !== 0,
    jtag: (b0 & 0x02) !== 0,
    swoUart: (b0 & 0x04) !== 0,
    swoManchester: (b0 & 0x08) !== 0,
    atomicCommands: (b0 & 0x10) !== 0,
    testDomainTimer: (b0 & 0x20) !== 0,
    swoStreamingTrace: (b0 & 0x40) !== 0,
    uartCommunicationPort: (b0 & 0x80) !== 0,
    uartUsbComPort: (b1 & 0x01) !== 0,
  };
}

export function decodeNumber(payload: Uint8Array): number | undefined {
  if (payload.length >= 4) return getU32(payload, 0);
  if (payload.length >= 2) return getU16(payload, 0);
  if (payload.length === 1) return payload[0];
  return undefined;
}
