/**
 * Simulated probe models, each shaped after a real, publicly documented CMSIS-DAP probe.
 * The numbers that decide throughput (packet size and count, USB speed, endpoint type,
 * maximum SWCLK) are the ones their firmware configurations publish; the cited file is named
 * at each preset.
 */

export type UsbSpeed = 'full' | 'high';
export type DapProtocol = 'v1-hid' | 'v2-bulk';

export interface ProbePreset {
  id: string;
  description: string;
  protocol: DapProtocol;
  usbSpeed: UsbSpeed;
  usbVendorId: number;
  usbProductId: number;
  vendorName: string;
  productName: string;
  serialNumber: string;
  /** DAP_Info 0x04: CMSIS-DAP protocol version string. */
  protocolVersion: string;
  /** DAP_Info 0x09: product firmware version string. */
  firmwareVersion: string;
  /** DAP_Info 0xFF. */
  packetSize: number;
  /** DAP_Info 0xFE. */
  packetCount: number;
  maxSwclkHz: number;
  defaultSwclkHz: number;
  capabilities: {
    swoUart: boolean;
    atomicCommands: boolean;
    /** Test-domain timer frequency in Hz, 0 when the probe has none (DAP_Info 0xF1). */
    timestampClockHz: number;
  };
  /** An on-board probe (DAPLink-class) names its fixed target through DAP_Info 0x05–0x08. */
  reportsTargetStrings: boolean;
  /** DAP_Info 0xFD, bytes; 0 when SWO is not available. */
  swoBufferSize: number;
  swoMaxBaud: number;
  /** Firmware time to parse a command and start its work, in ns. */
  commandOverheadNs: number;
  /** Firmware time between SWD transfers, in ns. */
  transferOverheadNs: number;
}

export const PROBE_PRESETS: readonly ProbePreset[] = [
  {
    // DAPLink (github.com/ARMmbed/DAPLink, source/daplink/cmsis-dap/DAP_config.h and the
    // lpc11u35 HIC): full-speed HID, 64-byte reports, 4 packet buffers, SWO UART, VID:PID 0D28:0204.
    id: 'daplink-v1-hid',
    description: 'DAPLink-class CMSIS-DAP v1 probe: full-speed USB HID, 64-byte reports',
    protocol: 'v1-hid',
    usbSpeed: 'full',
    usbVendorId: 0x0d28,
    usbProductId: 0x0204,
    vendorName: 'ARM',
    productName: 'DAPLink CMSIS-DAP',
    serialNumber: '0240000034544e45001b00028aa9001e8d61000097969900',
    protocolVersion: '2.1.0',
    firmwareVersion: '0257',
    packetSize: 64,
    packetCount: 4,
    maxSwclkHz: 10_000_000,
    defaultSwclkHz: 1_000_000,
    capabilities: { swoUart: true, atomicCommands: true, timestampClockHz: 1_000_000 },
    reportsTargetStrings: true,
    swoBufferSize: 4096,
    swoMaxBaud: 10_000_000,
    commandOverheadNs: 5_000,
    transferOverheadNs: 500,
  },
  {
    // Raspberry Pi Debug Probe running debugprobe (github.com/raspberrypi/debugprobe,
    // include/DAP_config.h): CMSIS-DAP v2 bulk at full speed, DAP_PACKET_SIZE 64,
    // DAP_PACKET_COUNT 2, no SWO UART, TIMESTAMP_CLOCK 1 MHz; VID:PID 2E8A:000C. SWD is driven
    // by the RP2040's PIO, so the clock reaches well beyond bit-banged probes.
    id: 'picoprobe-v2-bulk',
    description: 'Raspberry Pi Debug Probe-class CMSIS-DAP v2 probe: full-speed USB bulk, 64-byte packets',
    protocol: 'v2-bulk',
    usbSpeed: 'full',
    usbVendorId: 0x2e8a,
    usbProductId: 0x000c,
    vendorName: 'Raspberry Pi',
    productName: 'Debug Probe (CMSIS-DAP)',
    serialNumber: 'E6614103E7728F24',
    protocolVersion: '2.1.0',
    firmwareVersion: '2.2.1',
    packetSize: 64,
    packetCount: 2,
    maxSwclkHz: 25_000_000,
    defaultSwclkHz: 1_000_000,
    capabilities: { swoUart: false, atomicCommands: true, timestampClockHz: 1_000_000 },
    reportsTargetStrings: false,
    swoBufferSize: 0,
    swoMaxBaud: 0,
    commandOverheadNs: 3_000,
    transferOverheadNs: 200,
  },
  {
    // NXP high-speed CMSIS-DAP probes (the LPC-Link2 reference configuration in ARM's CMSIS-DAP
    // sources, CMSIS/DAP/Firmware/Examples/LPC-Link-II/V2/DAP_config.h, which MCU-Link
    // continues): high-speed bulk, DAP_PACKET_SIZE 1024, DAP_PACKET_COUNT 4, SWO UART with an
    // 8 KiB buffer, VID:PID 1FC9:0143.
    id: 'mcu-link-v2-hs',
    description: 'MCU-Link-class CMSIS-DAP v2 probe: high-speed USB bulk, 1024-byte packets',
    protocol: 'v2-bulk',
    usbSpeed: 'high',
    usbVendorId: 0x1fc9,
    usbProductId: 0x0143,
    vendorName: 'NXP Semiconductors',
    productName: 'MCU-LINK CMSIS-DAP',
    serialNumber: 'K2VZ4PSW1BV1Y',
    protocolVersion: '2.1.0',
    firmwareVersion: 'V3.128',
    packetSize: 1024,
    packetCount: 4,
    maxSwclkHz: 20_000_000,
    defaultSwclkHz: 1_000_000,
    capabilities: { swoUart: true, atomicCommands: true, timestampClockHz: 1_000_000 },
    reportsTargetStrings: false,
    swoBufferSize: 8192,
    swoMaxBaud: 10_000_000,
    commandOverheadNs: 2_000,
    transferOverheadNs: 100,
  },
];

export function findPreset(id: string): ProbePreset {
  const preset = PROBE_PRESETS.find((p) => p.id === id);
  if (preset === undefined) {
    throw new Error(`unknown probe preset '${id}'; known presets: ${PROBE_PRESETS.map((p) => p.id).join(', ')}`);
  }
  return preset;
}
