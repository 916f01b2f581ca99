/**
 * The seam between the CMSIS-DAP driver and whatever carries its packets (runtime: plain Node):
 * a USB bulk interface (CMSIS-DAP v2), a USB HID interface (CMSIS-DAP v1) or the simulated probe.
 *
 * One `write` is one command packet in one USB transfer and one `read` is one response packet
 * (CMSIS-DAP v2.1 "Communication": commands are never merged into a transfer). Responses come
 * back in command order. `read` rejects with ProbeTimeoutError when nothing arrives in time and
 * with ProbeDisconnectedError when the device is gone, so no caller ever waits forever.
 */
export interface DapTransport {
  readonly protocol: 'v1-hid' | 'v2-bulk';
  /**
   * The fixed HID report size for v1 (every packet is padded to it); undefined for v2 bulk,
   * whose packet size the driver learns from DAP_Info.
   */
  readonly packetSize: number | undefined;
  write(packet: Uint8Array): Promise<void>;
  read(timeoutMs: number): Promise<Uint8Array>;
  close(): Promise<void>;
  /**
   * Tells a bulk transport the DAP packet size (DAP_Info 0xFF) so a response of exactly that size
   * is read as one complete packet.
   */
  setPacketSize?(size: number): void;
}
