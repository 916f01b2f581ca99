import { afterEach, describe, expect, it } from 'vitest';
import { discoverAccessPorts } from '../../main/coresight/ap-discovery';
import { DebugPortLostError } from '../../main/coresight/errors';
import { MemAp } from '../../main/coresight/mem-ap';
import { NoAckError, ProbeDisconnectedError, ProtocolError, TransferError, TransferFaultError, TransferWaitTimeoutError } from '../../main/probe/errors';
import { BusMaster } from '../../main/sim/bus/bus-types';
import type { SimulatedFaultPlan } from '../../main/probe/sim/simulated-probes';
import { PRESETS, openSim, type SimConnection } from '../probe/support/sim-connection';
import { idleCore } from '../probe/support/idle-core';

const RAM = 0x20000000;
const BOARD = 'nrf52840';

let sims: SimConnection[] = [];
afterEach(async () => {
  for (const s of sims) await s.close().catch(() => undefined);
  sims = [];
});

async function connected(preset: string, faults?: SimulatedFaultPlan, waitRetry?: number): Promise<{ sim: SimConnection; mem: MemAp }> {
  const sim = await openSim(BOARD, preset, { createCore: idleCore, ...(faults ? { faults } : {}), ...(waitRetry !== undefined ? { waitRetry } : {}) });
  sims.push(sim);
  await sim.dp.connect();
  const mem = (await discoverAccessPorts(sim.dp))[0] as MemAp;
  return { sim, mem };
}

/** Packets and modeled time a fault-free bring-up takes, so faults can be placed after it. */
async function bringUpCost(preset: string): Promise<{ packets: number; timeNs: number }> {
  const { sim } = await connected(preset);
  return { packets: sim.transport.metrics().packetsOut, timeNs: sim.transport.simulator.board.clock.now };
}

/** Retries `op` until it succeeds (bounded), collecting the errors on the way. */
async function untilOk<T>(op: () => Promise<T>, attempts: number): Promise<{ value: T; errors: unknown[] }> {
  const errors: unknown[] = [];
  for (let i = 0; i < attempts; i++) {
    try {
      return { value: await op(), errors };
    } catch (error) {
      errors.push(error);
    }
  }
  throw new Error(`still failing after ${attempts} attempts: ${String(errors.at(-1))}`);
}

describe.each(PRESETS)('fault recovery on preset %s', (preset) => {
  it('turns a bus error into TransferFaultError naming the address, then keeps working', async () => {
    const bad = RAM + 0x2000;
    const { mem } = await connected(preset, { faultRanges: [{ start: bad, end: bad + 0x100 }] });
    await mem.write32(RAM, 0x11223344);
    const read = mem.read32(bad + 4);
    await expect(read).rejects.toBeInstanceOf(TransferFaultError);
    await expect(read).rejects.toThrow('32-bit read at 0x20002004 failed');
    await expect(read).rejects.toHaveProperty('address', bad + 4);
    await expect(mem.write16(bad + 2, 1)).rejects.toThrow(/16-bit write at 0x20002002 failed: .*FAULT/);
    await expect(mem.readBlock32(bad - 0x10, 64)).rejects.toThrow(/block read of 4 words at 0x20001ff0 failed|block read of 60 words at 0x20002000 failed/);
    expect(await mem.read32(RAM)).toBe(0x11223344);
  });

  it('settles accesses queued around a faulting one: earlier ones succeed, later ones carry the fault', async () => {
    const bad = RAM + 0x3000;
    const { mem } = await connected(preset, { faultRanges: [{ start: bad, end: bad + 4 }] });
    await mem.writeBlock32(RAM, [1, 2, 3]);
    const results = await Promise.allSettled([mem.read32(RAM), mem.read32(bad), mem.read32(RAM + 8)]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: 1 });
    expect(results[1].status === 'rejected' && results[1].reason).toBeInstanceOf(TransferFaultError);
    expect(results[2].status === 'rejected' && results[2].reason).toBeInstanceOf(TransferError);
    expect(await mem.read32(RAM + 4)).toBe(2);
  });

  it('reports a WAIT storm as TransferWaitTimeoutError and recovers once the bus is free', async () => {
    const { timeNs } = await bringUpCost(preset);
    const { sim, mem } = await connected(preset, { waitStorm: { fromNs: timeNs + 1_000, durationNs: 3_000_000 } }, 4);
    sim.transport.simulator.board.bus.write(RAM + 0x10, 4, 0xcafef00d, BusMaster.Debug);
    const { value, errors } = await untilOk(() => mem.read32(RAM + 0x10), 500);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toBeInstanceOf(TransferWaitTimeoutError);
    expect(String(errors[0])).toMatch(/32-bit read at 0x20000010 failed: target answered WAIT/);
    expect(value).toBe(0xcafef00d);
  });

  it('reports loss of target power as NoAckError, then "cannot recover" until power returns and connect runs', async () => {
    const { timeNs } = await bringUpCost(preset);
    const { sim, mem } = await connected(preset, { targetUnpowered: { fromNs: timeNs + 4_000_000, untilNs: timeNs + 200_000_000 } });
    const failures: unknown[] = [];
    for (let i = 0; i < 5000 && failures.length < 2; i++) {
      await mem.read32(RAM).catch((error: unknown) => failures.push(error));
    }
    expect(failures[0]).toBeInstanceOf(NoAckError);
    expect(String(failures[0])).toMatch(/32-bit read at 0x20000000 failed: no ACK/);
    expect(failures[1]).toBeInstanceOf(DebugPortLostError);
    expect(String(failures[1])).toMatch(/cannot recover the debug port/);
    await untilOk(() => sim.dp.connect(), 1000);
    expect(sim.dp.lost).toBeUndefined();
    await mem.write32(RAM, 0x5555aaaa);
    expect(await mem.read32(RAM)).toBe(0x5555aaaa);
  });

  it('fails with ProbeDisconnectedError when the probe is unplugged mid-transfer, and every later call fails at once', async () => {
    const { packets } = await bringUpCost(preset);
    const { sim, mem } = await connected(preset, { unplugAfterPackets: packets + 3 });
    await expect(mem.readBlock32(RAM, 4096)).rejects.toBeInstanceOf(ProbeDisconnectedError);
    await expect(mem.read32(RAM)).rejects.toBeInstanceOf(TransferError);
    expect(sim.probe.failure).toBeInstanceOf(ProbeDisconnectedError);
    expect(String(sim.probe.failure)).toMatch(/unplugged/);
  });

  it.each(['corrupt', 'short'] as const)('detects a %s response as ProtocolError and resynchronises the DP', async (kind) => {
    const { packets } = await bringUpCost(preset);
    const { mem } = await connected(preset, { corruptResponse: { packet: packets + 2, kind } });
    await mem.write32(RAM + 0x20, 0x0badf00d);
    const { value, errors } = await untilOk(() => mem.read32(RAM + 0x20), 5);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ProtocolError);
    expect(String(errors[0])).toMatch(/32-bit read at 0x20000020 failed: corrupted probe response/);
    expect(value).toBe(0x0badf00d);
  });
});
