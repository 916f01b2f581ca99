/**
 * The physical limit of a probe configuration for DAP_TransferBlock memory transfers: the
 * faster of the two bounds can never be beaten, so the slower one binds.
 *
 * USB packet rate (USB 2.0 ch. 5; CMSIS-DAP v2.1 "Communication"):
 *  - v1 HID: interrupt endpoints serviced once per (micro)frame, so one command packet and one
 *    response packet per frame.
 *  - v2 bulk: a host may have at most Packet Count commands outstanding, and learns that a
 *    response arrived at the end of the (micro)frame it completed in, so at most Packet Count
 *    packets per frame; never faster than the bus time of the OUT and IN transactions.
 * SWD wire time (ADIv5.2 B4.2): each transfer is 8 request + 1 turnaround + 3 ACK + 32 data +
 * 1 parity + 1 turnaround = 46 SWCLK cycles, with no idle cycles.
 *
 * Payload per packet: a DAP_TransferBlock read response has a 4-byte header (command, count,
 * response), a write request a 5-byte header (command, DAP index, count, request).
 */

export interface ProbeConfiguration {
  readonly protocol: 'v1-hid' | 'v2-bulk';
  readonly usbSpeed: 'full' | 'high';
  readonly packetSize: number;
  readonly packetCount: number;
  readonly swclkHz: number;
}

export interface PhysicalLimit {
  readonly bytesPerSecond: number;
  readonly binding: 'usb' | 'swd';
  readonly wordsPerPacket: number;
  readonly usbPacketNs: number;
  readonly swdPacketNs: number;
}

export const SWD_BITS_PER_TRANSFER = 46;
/** Token, data PID + CRC16, handshake, SYNC and EOP per USB transaction, in bytes. */
const USB_TRANSACTION_OVERHEAD_BYTES = 13;

function usbWireNs(config: ProbeConfiguration, bytes: number): number {
  const bitRate = config.usbSpeed === 'full' ? 12e6 : 480e6;
  const maxPacket = config.usbSpeed === 'full' ? 64 : 512;
  const transactions = Math.max(1, Math.ceil(bytes / maxPacket));
  return ((bytes + transactions * USB_TRANSACTION_OVERHEAD_BYTES) * 8 * 1e9) / bitRate;
}

export function physicalLimit(config: ProbeConfiguration, direction: 'read' | 'write'): PhysicalLimit {
  const header = direction === 'read' ? 4 : 5;
  const wordsPerPacket = Math.floor((config.packetSize - header) / 4);
  const frameNs = config.usbSpeed === 'full' ? 1_000_000 : 125_000;
  const hid = config.protocol === 'v1-hid';
  const outBytes = hid ? config.packetSize : direction === 'read' ? header : header + 4 * wordsPerPacket;
  const inBytes = hid ? config.packetSize : direction === 'read' ? header + 4 * wordsPerPacket : 4;
  const usbPacketNs = hid ? frameNs : Math.max(frameNs / config.packetCount, usbWireNs(config, outBytes) + usbWireNs(config, inBytes));
  const swdPacketNs = (wordsPerPacket * SWD_BITS_PER_TRANSFER * 1e9) / config.swclkHz;
  const packetNs = Math.max(usbPacketNs, swdPacketNs);
  return {
    bytesPerSecond: (wordsPerPacket * 4 * 1e9) / packetNs,
    binding: usbPacketNs >= swdPacketNs ? 'usb' : 'swd',
    wordsPerPacket,
    usbPacketNs,
    swdPacketNs,
  };
}
