/**
 * A DapTransport that checks every packet the driver writes against an expected script, byte
 * for byte, and answers with the scripted response (test double for the CMSIS-DAP driver).
 */
import type { DapTransport } from '../../../main/probe/transport';

export interface ScriptStep {
  readonly request: readonly number[];
  readonly response: readonly number[];
}

export class ScriptedTransport implements DapTransport {
  readonly protocol: 'v1-hid' | 'v2-bulk';
  readonly packetSize: number | undefined;
  readonly written: number[][] = [];
  private readonly pending: Uint8Array[] = [];
  private step = 0;
  maxInFlight = 0;

  constructor(
    private readonly script: ScriptStep[],
    options: { protocol?: 'v1-hid' | 'v2-bulk'; packetSize?: number } = {},
  ) {
    this.protocol = options.protocol ?? 'v2-bulk';
    this.packetSize = options.packetSize;
  }

  get remaining(): number {
    return this.script.length - this.step;
  }

  async write(packet: Uint8Array): Promise<void> {
    const bytes = [...packet];
    this.written.push(bytes);
    const expected = this.script[this.step++];
    if (!expected) throw new Error(`unexpected packet ${hexBytes(bytes)} after the end of the script`);
    const want = hexBytes(expected.request);
    if (hexBytes(bytes) !== want) throw new Error(`packet ${this.step}: expected ${want}, got ${hexBytes(bytes)}`);
    this.pending.push(Uint8Array.from(expected.response));
    this.maxInFlight = Math.max(this.maxInFlight, this.pending.length);
  }

  async read(): Promise<Uint8Array> {
    await new Promise((resolve) => setImmediate(resolve));
    const next = this.pending.shift();
    if (!next) throw new Error('read with no command in flight');
    return next;
  }

  async close(): Promise<void> {}
}

export function hexBytes(bytes: readonly number[]): string {
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** DAP_Info answers for open(): packet size, packet count, nine empty strings, capabilities. */
export function infoScript(packetSize: number, packetCount: number, capabilities = 0x01): ScriptStep[] {
  const steps: ScriptStep[] = [
    { request: [0x00, 0xff], response: [0x00, 0x02, packetSize & 0xff, packetSize >> 8] },
    { request: [0x00, 0xfe], response: [0x00, 0x01, packetCount] },
  ];
  for (const id of [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09]) steps.push({ request: [0x00, id], response: [0x00, 0x00] });
  steps.push({ request: [0x00, 0xf0], response: [0x00, 0x01, capabilities] });
  return steps;
}
