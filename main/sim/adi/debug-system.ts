import { type AccessWidth, BUS_ERROR, type BusMaster } from '../bus/bus-types';
import { CtrlAp, type CtrlApHooks } from './ctrl-ap';
import type { DebugPartDescription } from './debug-parts';
import { DebugPort } from './debug-port';
import { MemAp, type MemApBus } from './mem-ap';
import type { AccessPort } from './swd-types';

/**
 * Wires a part's debug port and access ports to a simulated system: the AHB-AP at APSEL 0
 * on the system bus, and on the nRF52840 the CTRL-AP at APSEL 1 (ADIv5.2 C1.2, one DP
 * selecting among up to 256 APs through SELECT.APSEL).
 */

export interface DebugSystemEnvironment {
  bus: MemApBus;
  now: () => number;
  /** DeviceEn of the AHB-AP: false while the part's access protection keeps the debugger out. */
  ahbApEnabled?: () => boolean;
  /** The CTRL-AP's connection to the chip, for parts that have one. */
  ctrlAp?: CtrlApHooks;
  /** Another master holds the bus until this time (used for injected WAIT storms). */
  stalledUntil?: () => number;
  /** Address ranges [start, end) whose debugger accesses end in a bus error (injected faults). */
  faultRanges?: readonly { start: number; end: number }[];
}

export interface DebugSystem {
  dp: DebugPort;
  ahbAp: MemAp;
  ctrlAp: CtrlAp | undefined;
}

export function createDebugSystem(part: DebugPartDescription, env: DebugSystemEnvironment): DebugSystem {
  const ranges = env.faultRanges ?? [];
  const inFaultRange = (address: number): boolean => ranges.some((r) => address >>> 0 >= r.start && address >>> 0 < r.end);
  const bus: MemApBus =
    ranges.length === 0
      ? env.bus
      : {
          read: (address: number, width: AccessWidth, master: BusMaster) => (inFaultRange(address) ? BUS_ERROR : env.bus.read(address, width, master)),
          write: (address: number, width: AccessWidth, value: number, master: BusMaster) =>
            inFaultRange(address) ? false : env.bus.write(address, width, value, master),
        };
  const ahbAp = new MemAp(part.ahbAp, {
    bus,
    now: env.now,
    deviceEnabled: env.ahbApEnabled ?? (() => true),
    stalledUntil: env.stalledUntil,
  });
  const aps = new Map<number, AccessPort>([[0, ahbAp]]);
  let ctrlAp: CtrlAp | undefined;
  if (part.ctrlApSel !== undefined) {
    if (env.ctrlAp === undefined) throw new Error('debug system: this part has a CTRL-AP but the board provides no CTRL-AP hooks');
    ctrlAp = new CtrlAp(env.ctrlAp);
    aps.set(part.ctrlApSel, ctrlAp);
  }
  return { dp: new DebugPort(part.dp, aps, env.now), ahbAp, ctrlAp };
}
