/**
 * Loads the `usb` package lazily (runtime: plain Node), so a machine without libusb or a USB
 * subsystem still runs everything that does not need real probes.
 */
export type UsbModule = typeof import('usb');

let loaded: Promise<UsbModule> | undefined;

export function loadUsb(): Promise<UsbModule> {
  loaded ??= import('usb');
  return loaded;
}
