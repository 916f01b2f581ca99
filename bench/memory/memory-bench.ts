/**
 * `npm run bench:memory`: block read and write of 64 KiB of RAM through the whole host stack
 * (Session → CMSIS-DAP driver → simulated USB probe) on every simulated probe preset at its
 * maximum SWCLK. Throughput is the simulator's modeled time, never wall-clock time; the limit is
 * the preset's physical bound (physical-limit.ts). Prints one JSON object on stdout.
 */
import { listSimulatedPresets, openSimulatedTransport, type SimulatedTransport } from '../../main/probe/sim/simulated-probes';
import { Session } from '../../main/session/session';
import { physicalLimit } from './physical-limit';

const BOARD = 'sim:nrf52840';
/** nRF52840 Data RAM (PS 4.2.3), large enough for 64 KiB. */
const RAM_BASE = 0x20000000;
const SIZE = 64 * 1024;

interface Result {
  name: string;
  value: number;
  unit: string;
  limit: number;
  ratio: number;
}

const round = (v: number, digits: number): number => Number(v.toFixed(digits));

async function measure(preset: ReturnType<typeof listSimulatedPresets>[number]): Promise<Result[]> {
  let transport: SimulatedTransport | undefined;
  const session = new Session(
    { uniqueId: BOARD, description: `simulated ${BOARD}` },
    {
      configFile: false,
      cli: { frequency: preset.maxSwclkHz },
      openTransport: async (id) => (transport = await openSimulatedTransport(id, { preset: preset.id, persist: false })),
    },
  );
  await session.open();
  try {
    const target = session.target;
    const words = Uint32Array.from({ length: SIZE / 4 }, (_, i) => (i * 0x9e3779b1) >>> 0);
    const results: Result[] = [];
    for (const direction of ['write', 'read'] as const) {
      const before = transport!.metrics().elapsedNs;
      if (direction === 'write') await target.writeBlock32(RAM_BASE, words);
      else {
        const back = await target.readBlock32(RAM_BASE, words.length);
        if (!back.every((w, i) => w === words[i])) throw new Error(`${preset.id}: 64 KiB read back differs from what was written`);
      }
      const seconds = (transport!.metrics().elapsedNs - before) / 1e9;
      const limit = physicalLimit(
        { protocol: preset.protocol, usbSpeed: preset.usbSpeed, packetSize: preset.packetSize, packetCount: preset.packetCount, swclkHz: preset.maxSwclkHz },
        direction,
      );
      const value = SIZE / 1024 / seconds;
      const limitKiB = limit.bytesPerSecond / 1024;
      results.push({
        name: `${preset.id} ${direction} 64 KiB @ ${preset.maxSwclkHz / 1e6} MHz (${limit.binding === 'usb' ? 'USB packet rate' : 'SWD wire time'} binds)`,
        value: round(value, 1),
        unit: 'KiB/s',
        limit: round(limitKiB, 1),
        ratio: round(value / limitKiB, 3),
      });
    }
    return results;
  } finally {
    await session.close();
  }
}

const results: Result[] = [];
for (const preset of listSimulatedPresets()) results.push(...(await measure(preset)));
process.stdout.write(`${JSON.stringify({ bench: 'memory', results })}\n`);
