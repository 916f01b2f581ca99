/**
 * CMSIS-DAP v1 transport: a HID interface whose reports carry the commands (CMSIS-DAP v2.1
 * "USB Configuration for HID"), driven through the `usb` package with the interrupt endpoints,
 * after detaching the kernel's HID driver (Linux) (runtime: plain Node). Every report has the
 * fixed size of the endpoint (64 bytes at full speed), so packets are padded to it. Without an
 * interrupt OUT endpoint the report goes out as a HID SET_REPORT control request (HID 1.11 7.2.2).
 */
import type { Device, InEndpoint, Interface, OutEndpoint } from 'usb';
import { ProbeDisconnectedError } from '../errors';
import type { DapTransport } from '../transport';
import { usbTransferError } from './usb-errors';

const WRITE_TIMEOUT_MS = 2000;
const INTERRUPT = 3;
const HID_SET_REPORT = 0x09;
const HID_OUTPUT_REPORT = 0x0200;
const CLASS_INTERFACE_OUT = 0x21;

export class UsbHidTransport implements DapTransport {
  readonly protocol = 'v1-hid' as const;
  readonly packetSize: number;
  private closed = false;

  private constructor(
    private readonly device: Device,
    private readonly iface: Interface,
    private readonly out: OutEndpoint | undefined,
    private readonly input: InEndpoint,
  ) {
    this.packetSize = input.descriptor.wMaxPacketSize;
  }

  static open(device: Device, interfaceNumber: number): UsbHidTransport {
    device.open();
    try {
      const iface = device.interface(interfaceNumber);
      if (process.platform === 'linux' && iface.isKernelDriverActive()) iface.detachKernelDriver();
      iface.claim();
      const input = iface.endpoints.find((e) => e.direction === 'in' && e.transferType === INTERRUPT) as InEndpoint | undefined;
      const out = iface.endpoints.find((e) => e.direction === 'out' && e.transferType === INTERRUPT) as OutEndpoint | undefined;
      if (!input) throw new ProbeDisconnectedError(`CMSIS-DAP v1 HID interface ${interfaceNumber} has no interrupt IN endpoint`);
      return new UsbHidTransport(device, iface, out, input);
    } catch (error) {
      device.close();
      throw error;
    }
  }

  async write(packet: Uint8Array): Promise<void> {
    if (packet.length > this.packetSize) throw new RangeError(`command of ${packet.length} bytes exceeds the ${this.packetSize}-byte HID report`);
    const report = Buffer.alloc(this.packetSize);
    report.set(packet);
    try {
      if (this.out) {
        this.out.timeout = WRITE_TIMEOUT_MS;
        await this.out.transferAsync(report);
      } else {
        await new Promise<void>((resolve, reject) => {
          this.device.controlTransfer(CLASS_INTERFACE_OUT, HID_SET_REPORT, HID_OUTPUT_REPORT, this.iface.interfaceNumber, report, (error) =>
            error ? reject(error) : resolve(),
          );
        });
      }
    } catch (error) {
      throw usbTransferError(error, 'write', WRITE_TIMEOUT_MS);
    }
  }

  async read(timeoutMs: number): Promise<Uint8Array> {
    this.input.timeout = timeoutMs;
    try {
      const data = await this.input.transferAsync(this.packetSize);
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
      if (process.platform === 'linux') this.iface.attachKernelDriver();
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
