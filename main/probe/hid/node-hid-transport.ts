/**
 * CMSIS-DAP v1 transport through the platform's HID stack via node-hid (runtime: plain Node):
 * Windows (hid.sys) and macOS (IOHIDFamily) own HID devices, so libusb cannot claim them there.
 * Commands and responses are HID reports (CMSIS-DAP v2.1 "USB Configuration for HID"). Every report
 * has one fixed size, 64 bytes at full speed, so each command is padded to it. The CMSIS-DAP
 * report descriptor declares no Report ID (HID 1.11 6.2.2.7), and hidapi takes the first byte of
 * every write as the report ID on every platform (0 = none; Windows sends it, macOS and Linux
 * hidraw strip it), so each write is the report size plus one leading 0x00.
 *
 * Input reports arrive through HIDAsync's 'data' stream, which node-hid reads on a thread of its
 * own, and are queued here. A HIDAsync `read(timeout)` would run in the same per-device job queue
 * as `write`, so a pending read would hold back the next command and allow only one packet in
 * flight instead of DAP_Info Packet Count.
 */
import { ProbeDisconnectedError, ProbeTimeoutError } from '../errors';
import type { DapTransport } from '../transport';
import { hidTransferError } from './hid-errors';
import type { NodeHidApi, NodeHidDevice } from './node-hid-module';

/** A full-speed HID report (USB 2.0 5.7.3: at most 64 bytes per interrupt transaction). */
export const FULL_SPEED_REPORT_SIZE = 64;
const NO_REPORT_ID = 0x00;
const WRITE_TIMEOUT_MS = 2000;
/** DAP_Info Packet Size limits for HID (CMSIS-DAP v2.1 DAP_Info: 64 full speed, up to 1024 high speed). */
const MAX_REPORT_SIZE = 1024;

interface PendingRead {
  readonly resolve: (report: Uint8Array) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

function checkReportSize(size: number): number {
  if (!Number.isInteger(size) || size < 2 || size > MAX_REPORT_SIZE) {
    throw new RangeError(`HID report size ${size} is not an integer between 2 and ${MAX_REPORT_SIZE} bytes`);
  }
  return size;
}

export class NodeHidTransport implements DapTransport {
  readonly protocol = 'v1-hid' as const;
  private reportSize: number;
  private readonly reports: Uint8Array[] = [];
  private readonly waiting: PendingRead[] = [];
  private failure: ProbeDisconnectedError | undefined;
  private closed = false;

  private constructor(
    private readonly device: NodeHidDevice,
    reportSize: number,
    private readonly path: string,
  ) {
    this.reportSize = reportSize;
    device.on('data', (data: Buffer) => this.receive(new Uint8Array(data)));
    device.on('error', (error: unknown) => this.fail(hidTransferError(error, 'read')));
  }

  /**
   * Opens the HID device at `path`. `reportSize` is the report size when it is known (the interrupt
   * endpoint's wMaxPacketSize); otherwise the full-speed size, until DAP_Info Packet Size, which
   * for HID is the report size, replaces it.
   */
  static async open(hid: NodeHidApi, path: string, reportSize = FULL_SPEED_REPORT_SIZE): Promise<NodeHidTransport> {
    checkReportSize(reportSize);
    let device: NodeHidDevice;
    try {
      device = await hid.HIDAsync.open(path);
    } catch (error) {
      throw new Error(`cannot open CMSIS-DAP v1 HID device ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    return new NodeHidTransport(device, reportSize, path);
  }

  get packetSize(): number {
    return this.reportSize;
  }

  setPacketSize(size: number): void {
    this.reportSize = checkReportSize(size);
  }

  async write(packet: Uint8Array): Promise<void> {
    this.checkUsable();
    if (packet.length > this.reportSize) throw new RangeError(`command of ${packet.length} bytes exceeds the ${this.reportSize}-byte HID report`);
    const report = Buffer.alloc(this.reportSize + 1);
    report[0] = NO_REPORT_ID;
    report.set(packet, 1);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ProbeTimeoutError(`the probe did not accept a HID report within ${WRITE_TIMEOUT_MS} ms; unplug and reopen it`)), WRITE_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.device.write(report), timeout]);
    } catch (error) {
      if (error instanceof ProbeTimeoutError) throw error;
      throw hidTransferError(error, 'write');
    } finally {
      clearTimeout(timer);
    }
  }

  read(timeoutMs: number): Promise<Uint8Array> {
    try {
      this.checkUsable();
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const report = this.reports.shift();
    if (report) return Promise.resolve(report);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(pending), 1);
        reject(new ProbeTimeoutError(`the probe did not answer read within ${timeoutMs} ms (HID ${this.path}); unplug and reopen it`));
      }, timeoutMs);
      const pending: PendingRead = { resolve, reject, timer };
      this.waiting.push(pending);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.rejectWaiting(new ProbeDisconnectedError(`HID device ${this.path} was closed`));
    try {
      await this.device.close();
    } catch {
      // The device may already be gone; closing must still succeed.
    }
  }

  private checkUsable(): void {
    if (this.closed) throw new ProbeDisconnectedError(`HID device ${this.path} is closed`);
    if (this.failure) throw this.failure;
  }

  private receive(report: Uint8Array): void {
    const pending = this.waiting.shift();
    if (!pending) {
      this.reports.push(report);
      return;
    }
    clearTimeout(pending.timer);
    pending.resolve(report);
  }

  private fail(error: ProbeDisconnectedError): void {
    if (this.closed || this.failure) return;
    this.failure = error;
    this.rejectWaiting(error);
  }

  private rejectWaiting(error: Error): void {
    for (const pending of this.waiting.splice(0)) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
  }
}
