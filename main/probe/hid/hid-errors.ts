/**
 * Maps node-hid (hidapi) failures to the probe layer's typed errors (runtime: plain Node).
 * hidapi reports failures as text only ("could not read data from device: ..."), and every one
 * during a transfer means the device handle is no longer usable: unplugged, or taken away.
 */
import { ProbeDisconnectedError } from '../errors';

function text(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function hidTransferError(error: unknown, operation: 'read' | 'write'): ProbeDisconnectedError {
  return new ProbeDisconnectedError(`HID ${operation} failed: ${text(error)} (probe unplugged?)`, { cause: error });
}

/** A one-line explanation of why CMSIS-DAP v1 (HID) probes could not be listed through node-hid. */
export function hidAccessProblem(error: unknown): string {
  const message = text(error);
  if (/Cannot find module|No native build|bindings|dlopen|\.node/.test(message)) {
    return `CMSIS-DAP v1 (HID) probes unavailable: the node-hid module could not be loaded (${message})`;
  }
  return `CMSIS-DAP v1 (HID) probes unavailable: ${message}`;
}
