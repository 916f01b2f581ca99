/**
 * Maps libusb failures (as thrown by the `usb` package) to the probe layer's typed errors
 * (runtime: plain Node).
 */
import { ProbeDisconnectedError, ProbeTimeoutError, type TransferError } from '../errors';

export function usbTransferError(error: unknown, operation: string, timeoutMs?: number): TransferError {
  const message = error instanceof Error ? error.message : String(error);
  if (/TIMED_OUT|TIMEOUT/.test(message)) {
    return new ProbeTimeoutError(`the probe did not answer ${operation} within ${timeoutMs ?? '?'} ms (${message}); unplug and reopen it`, { cause: error });
  }
  return new ProbeDisconnectedError(`USB ${operation} failed: ${message} (probe unplugged?)`, { cause: error });
}

/** A one-line explanation of why USB devices could not be listed or opened. */
export function usbAccessProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/ACCESS/.test(message)) return `USB permission denied (${message}): install the udev rules in docs/udev.md`;
  if (/Cannot find module|No native build|bindings/.test(message)) return `USB support unavailable: the usb module could not be loaded (${message})`;
  return `USB unavailable: ${message}`;
}
