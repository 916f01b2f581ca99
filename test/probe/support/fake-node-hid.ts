/**
 * A stand-in for the `node-hid` module (test double for the HID path): devicesAsync() lists the
 * given entries, HIDAsync.open() hands out FakeHidDevice objects that record what is written and
 * emit input reports ('data') and read-thread failures ('error') the way HIDAsync does.
 */
import { EventEmitter } from 'node:events';
import type { NodeHidApi, NodeHidDevice, NodeHidDeviceInfo } from '../../../main/probe/hid/node-hid-module';

export class FakeHidDevice extends EventEmitter {
  readonly written: number[][] = [];
  closed = false;
  /** Set to make write() reject with this hidapi message. */
  writeError: string | undefined;
  /** Set to leave write() pending forever (a stalled device). */
  writeHangs = false;

  constructor(readonly path: string) {
    super();
  }

  async write(values: number[] | Buffer): Promise<number> {
    if (this.writeHangs) return new Promise<number>(() => undefined);
    if (this.writeError) throw new Error(this.writeError);
    this.written.push([...values]);
    return values.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.removeAllListeners();
  }

  /** An input report from the probe. */
  report(bytes: readonly number[]): void {
    this.emit('data', Buffer.from(bytes));
  }

  /** What node-hid's read thread emits when the device goes away: a plain string. */
  unplug(): void {
    this.emit('error', 'could not read from HID device: The device is not connected.');
  }
}

export interface FakeNodeHid extends NodeHidApi {
  readonly opened: FakeHidDevice[];
}

export function fakeNodeHid(devices: NodeHidDeviceInfo[], options: { openError?: string } = {}): FakeNodeHid {
  const opened: FakeHidDevice[] = [];
  const HIDAsync = {
    open: async (path: string): Promise<NodeHidDevice> => {
      if (options.openError) throw new Error(options.openError);
      const device = new FakeHidDevice(path);
      opened.push(device);
      return device as unknown as NodeHidDevice;
    },
  };
  return { opened, devicesAsync: async () => devices, HIDAsync: HIDAsync as unknown as NodeHidApi['HIDAsync'] };
}

/** One hidapi device entry (one top-level collection) as devicesAsync() reports it. */
export function hidEntry(fields: Partial<NodeHidDeviceInfo> & { path: string; product: string }): NodeHidDeviceInfo {
  return { vendorId: 0x0d28, productId: 0x0204, release: 0x0100, interface: 3, manufacturer: 'ARM', serialNumber: '0240000034544e45', usagePage: 0xff00, usage: 1, ...fields };
}
