// Bytes (memory contents, file data) cross both transports in ONE encoding: a base64 string on the
// wire, a Uint8Array in code. `Bytes` is a zod codec, so `z.encode`/`z.decode` convert at each end.
import { z } from 'zod';

/** Uint8Array → standard base64 (RFC 4648 §4, with padding). */
export function encodeBytes(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so String.fromCharCode never receives more arguments than the engine allows.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Standard base64 → Uint8Array. Throws on text that is not base64. */
export function decodeBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const Bytes = z.codec(z.base64(), z.instanceof(Uint8Array), {
  decode: (wire) => decodeBytes(wire),
  encode: (bytes) => encodeBytes(bytes),
});
