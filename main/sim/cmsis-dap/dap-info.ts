import { Capability, DapInfoId } from './dap-constants';
import type { ResponseWriter } from './packet-codec';
import type { ProbePreset } from './probe-presets';

/**
 * DAP_Info (CMSIS-DAP v2.1, "DAP_Info"): `< 0x00 | Len | Info`. Strings are sent with their
 * terminating NUL counted in Len; an ID the probe cannot answer returns Len 0.
 */

/** Strings an on-board probe knows about the target it is soldered to (DAP_Info 0x05–0x08). */
export interface TargetStrings {
  deviceVendor: string;
  deviceName: string;
  boardVendor: string;
  boardName: string;
}

export function capabilitiesOf(preset: ProbePreset): number {
  let info0 = Capability.Swd;
  if (preset.capabilities.swoUart) info0 |= Capability.SwoUart;
  if (preset.capabilities.atomicCommands) info0 |= Capability.AtomicCommands;
  if (preset.capabilities.timestampClockHz > 0) info0 |= Capability.TestDomainTimer;
  return info0;
}

export function writeDapInfo(out: ResponseWriter, id: number, preset: ProbePreset, target: TargetStrings | undefined): void {
  const string = (text: string | undefined): void => {
    if (text === undefined || text === '') {
      out.u8(0);
      return;
    }
    const bytes = new TextEncoder().encode(text);
    out.u8(bytes.length + 1);
    for (const b of bytes) out.u8(b);
    out.u8(0);
  };
  switch (id) {
    case DapInfoId.VendorName:
      return string(preset.vendorName);
    case DapInfoId.ProductName:
      return string(preset.productName);
    case DapInfoId.SerialNumber:
      return string(preset.serialNumber);
    case DapInfoId.ProtocolVersion:
      return string(preset.protocolVersion);
    case DapInfoId.TargetDeviceVendor:
      return string(target?.deviceVendor);
    case DapInfoId.TargetDeviceName:
      return string(target?.deviceName);
    case DapInfoId.TargetBoardVendor:
      return string(target?.boardVendor);
    case DapInfoId.TargetBoardName:
      return string(target?.boardName);
    case DapInfoId.ProductFirmwareVersion:
      return string(preset.firmwareVersion);
    case DapInfoId.Capabilities:
      // v2.1: Info0 and Info1; Info1 bit 0 (UART via USB COM port) is not offered.
      out.u8(2);
      out.u8(capabilitiesOf(preset));
      out.u8(0);
      return;
    case DapInfoId.TestDomainTimer:
      if (preset.capabilities.timestampClockHz === 0) return out.u8(0);
      out.u8(4);
      out.u32(preset.capabilities.timestampClockHz);
      return;
    case DapInfoId.SwoTraceBufferSize:
      if (!preset.capabilities.swoUart) return out.u8(0);
      out.u8(4);
      out.u32(preset.swoBufferSize);
      return;
    case DapInfoId.PacketCount:
      out.u8(1);
      out.u8(preset.packetCount);
      return;
    case DapInfoId.PacketSize:
      out.u8(2);
      out.u16(preset.packetSize);
      return;
    default:
      // UART buffer sizes (0xFB, 0xFC) and unknown IDs: no information.
      out.u8(0);
  }
}
