import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Bytes, decodeBytes, encodeBytes } from '../../../shared/api/bytes';

describe('Bytes encoding', () => {
  it('encodes to standard padded base64 (RFC 4648 test vectors)', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map((s) => encodeBytes(text(s)))).toEqual(['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy']);
  });

  it('round-trips 1 MiB of every byte value', () => {
    const data = new Uint8Array(1 << 20).map((_, i) => (i * 7) & 0xff);
    expect(decodeBytes(encodeBytes(data))).toEqual(data);
  });

  it('is a codec: the wire form is a base64 string, the value form a Uint8Array, bad text is refused', () => {
    expect(z.encode(Bytes, new Uint8Array([0xde, 0xad]))).toBe('3q0=');
    expect(z.decode(Bytes, '3q0=')).toEqual(new Uint8Array([0xde, 0xad]));
    expect(z.safeDecode(Bytes, 'not base64!').success).toBe(false);
  });
});
