/**
 * String descriptor reads for an opened `usb` device (runtime: plain Node).
 */
import type { Device } from 'usb';

export function readStringDescriptor(device: Device, index: number): Promise<string | undefined> {
  if (index === 0) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    device.getStringDescriptor(index, (error, value) => resolve(error ? undefined : value));
  });
}
