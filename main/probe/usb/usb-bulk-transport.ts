/**
 * CMSIS-DAP v2 transport: the vendor-specific (class 0xFF) interface with bulk OUT and IN
 * endpoints (CMSIS-DAP v2.1 "USB Configuration for Bulk Endpoints"; the optional third, bulk IN,
 * endpoint carries SWO and is not used for commands) (runtime: plain Node).
 */
import type { Device, InEndpoint, Interface, OutEndpoint } from 'usb';
import { ProbeDisconnectedError } from '../errors';
import type { DapTransport } from '../transport';
import { usbTransferError } from './usb-errors';

const WRITE_TIMEOUT_MS = 2000;
const BULK = 2;

export class UsbBulkTransport implements DapTransport {
  readonly protocol = 'v2-bulk' as const;
  readonly packetSize = undefined;
  private readSize: number;
  private closed = false;

  private constructor(
    private readonly device: Device,
    private readonly iface: Interface,
    private readonly out: OutEndpoint,
    private readonly input: InEndpoint,
  ) {
    this.readSize = input.descriptor.wMaxPacketSize;
  }

  static open(device: Device, interfaceNumber: number): UsbBulkTransport {
    device.open();
    try {
      const iface = device.interface(interfaceNumber);
      iface.claim();
      const out = iface.endpoints.find((e) => e.direction === 'out' && e.transferType === BULK) as OutEndpoint | undefined;
      const input = iface.endpoints.find((e) => e.direction === 'in' && e.transferType === BULK) as InEndpoint | undefined;
      if (!out || !input) throw new ProbeDisconnectedError(`CMSIS-DAP v2 interface ${interfaceNumber} has no bulk OUT/IN endpoint pair`);
      return new UsbBulkTransport(device, iface, out, input);
    } catch (error) {
      device.close();
      throw error;
    }
  }

  setPacketSize(size: number): void {
    this.readSize = size;
  }

  async write(packet: Uint8Array): Promise<void> {
    this.out.timeout = WRITE_TIMEOUT_MS;
    try {
      await this.out.transferAsync(Buffer.from(packet));
    } catch (error) {
      throw usbTransferError(error, 'write', WRITE_TIMEOUT_MS);
    }
  }

  async read(timeoutMs: number): Promise<Uint8Array> {
    this.input.timeout = timeoutMs;
    try {
      const data = await this.input.transferAsync(this.readSize);
      return new Uint8Array(data ?? new Uint8Array(0));
    } catch (error) {
      throw usbTransferError(error, 'read', timeoutMs);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.iface.releaseAsync();
    } catch {
      // The device may already be gone; closing must still succeed.
    }
    try {
      this.device.close();
    } catch {
      // Same: an unplugged device cannot be closed twice.
    }
  }
}
