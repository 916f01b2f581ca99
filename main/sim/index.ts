/**
 * The simulator's public entry (issue 6): a simulated CMSIS-DAP probe wired through an ADIv5
 * SW-DP into a simulated board. The host stack reaches it only through its transport seam
 * (main/probe/sim/), which wraps `device`: one `write` is one USB OUT transfer, one `read`
 * one IN transfer, resolved when the modeled response is ready.
 *
 *   createSimulatedProbe({ board, preset?, stateDir?, faults?, pacer?, persist?, firmware?, createCore? })
 *     → { device: { identity, write, read, close }, board, debugPort, metrics(), close() }
 *   listSimulatedBoards() → [{ name, label, description }]
 *   listPresets() → [{ id, description, protocol, usbSpeed, packetSize, packetCount, maxSwclkHz, ... }]
 *   factoryReset(board, stateDir?) / eraseState(board, stateDir?): rewrite a board's saved state
 *   serveBoardOverRemoteBitbang({ board, stateDir?, port }) → { board, port, close() }: the board
 *     standalone in real time, behind its JTAG-DP test port on OpenOCD's remote_bitbang protocol
 */
import { DEBUG_PARTS } from './adi/debug-parts';
import type { DebugPort } from './adi/debug-port';
import { createDebugSystem } from './adi/debug-system';
import type { TargetStrings } from './cmsis-dap/dap-info';
import { type FaultPlan, validateFaultPlan, waitStormEnd } from './cmsis-dap/fault-plan';
import { PROBE_PRESETS, type ProbePreset, findPreset } from './cmsis-dap/probe-presets';
import { type ProbeMetrics, SimulatedDap, type SimulatedDapDevice } from './cmsis-dap/simulated-dap-device';
import { BOARD_NAMES, type BoardName, type CoreFactory, type SimBoard, createBoard } from './boards/index';

export type { FaultPlan } from './cmsis-dap/fault-plan';
export type { DapProtocol, ProbePreset, UsbSpeed } from './cmsis-dap/probe-presets';
export type { DeviceIdentity, ProbeMetrics, SimulatedDapDevice } from './cmsis-dap/simulated-dap-device';
export { ProbeDisconnectedError } from './cmsis-dap/simulated-dap-device';
export type { BoardName, SimBoard } from './boards/index';
export { defaultStateDir, eraseState, factoryReset } from './boards/index';
export { type RemoteBitbangBoard, type RemoteBitbangBoardOptions, serveBoardOverRemoteBitbang } from './remote-bitbang/remote-bitbang-board';

export const DEFAULT_PRESET = 'daplink-v1-hid';

export interface SimulatedProbeOptions {
  board: BoardName;
  /** A preset id from listPresets(); default 'daplink-v1-hid'. */
  preset?: string;
  /** Where the board keeps its non-volatile state (see createBoard). */
  stateDir?: string;
  faults?: FaultPlan;
  /** Advance the virtual clock with wall time while the host is silent, so the target visibly runs. */
  pacer?: boolean;
  /** false: the board neither reads nor writes saved state (tests, benchmarks). */
  persist?: boolean;
  /** Content of a board without saved state. */
  firmware?: 'demo' | 'erased';
  /** The processor model factory handed to the board. */
  createCore?: CoreFactory;
}

export interface SimulatedProbe {
  readonly device: SimulatedDapDevice;
  readonly board: SimBoard;
  /** The target's SW-DP, for simulator-side inspection in tests. */
  readonly debugPort: DebugPort;
  readonly preset: ProbePreset;
  /** Modeled time and traffic counters; never visible over CMSIS-DAP. */
  metrics(): ProbeMetrics;
  /** Closes the device, stops the pacer and closes the board (saving its state). */
  close(): Promise<void>;
}

export interface SimulatedBoardInfo {
  name: BoardName;
  label: string;
  description: string;
}

const BOARD_DESCRIPTIONS: Readonly<Record<BoardName, string>> = {
  nrf52840: 'Nordic nRF52840 (Cortex-M4F, 1 MiB flash, 256 KiB RAM) with CTRL-AP and APPROTECT',
  stm32l051: 'ST STM32L051 (Cortex-M0+, 64 KiB flash, 8 KiB RAM) with read protection (RDP)',
};

/** What an on-board (DAPLink-class) probe reports through DAP_Info 0x05–0x08. */
const TARGET_STRINGS: Readonly<Record<BoardName, TargetStrings>> = {
  nrf52840: { deviceVendor: 'Nordic Semiconductor', deviceName: 'nRF52840_xxAA', boardVendor: 'ProbeDesk', boardName: 'Simulated nRF52840 board' },
  stm32l051: { deviceVendor: 'STMicroelectronics', deviceName: 'STM32L051K8', boardVendor: 'ProbeDesk', boardName: 'Simulated STM32L051 board' },
};

/** Pacer tick, and the most modeled time one tick may add (a stalled event loop does not jump ahead). */
const PACER_TICK_MS = 20;
const PACER_MAX_STEP_NS = 100_000_000;

export function listSimulatedBoards(): SimulatedBoardInfo[] {
  return BOARD_NAMES.map((name) => ({ name, label: `sim:${name}`, description: BOARD_DESCRIPTIONS[name] }));
}

export function listPresets(): ProbePreset[] {
  return PROBE_PRESETS.map((p) => ({ ...p, capabilities: { ...p.capabilities } }));
}

export function createSimulatedProbe(options: SimulatedProbeOptions): SimulatedProbe {
  if (!BOARD_NAMES.includes(options.board)) {
    throw new Error(`unknown simulated board '${String(options.board)}'; known boards: ${BOARD_NAMES.join(', ')}`);
  }
  const preset = findPreset(options.preset ?? DEFAULT_PRESET);
  const faults = options.faults ?? {};
  validateFaultPlan(faults);
  const board = createBoard(options.board, {
    ...(options.stateDir !== undefined ? { stateDir: options.stateDir } : {}),
    ...(options.persist !== undefined ? { persist: options.persist } : {}),
    ...(options.firmware !== undefined ? { firmware: options.firmware } : {}),
    ...(options.createCore !== undefined ? { createCore: options.createCore } : {}),
  });
  try {
    if (faults.flashTimingScale !== undefined) board.debugHooks.flashTiming.scale = faults.flashTimingScale;
    if (faults.watchdogResetAtNs !== undefined) board.debugHooks.injectWatchdogReset(faults.watchdogResetAtNs);
    const now = (): number => board.clock.now;
    const debug = createDebugSystem(DEBUG_PARTS[board.name], {
      bus: board.bus,
      now,
      ...(board.name === 'nrf52840' ? { ahbApEnabled: () => board.debugHooks.ahbApEnabled(), ctrlAp: board.debugHooks.ctrlAp } : {}),
      stalledUntil: () => waitStormEnd(faults, now()),
      ...(faults.faultRanges !== undefined ? { faultRanges: faults.faultRanges } : {}),
    });
    let pacer: NodeJS.Timeout | undefined;
    const stop = (): void => {
      if (pacer !== undefined) clearInterval(pacer);
      pacer = undefined;
      board.close();
    };
    const device = new SimulatedDap({
      preset,
      board,
      dp: debug.dp,
      ...(preset.reportsTargetStrings ? { targetStrings: TARGET_STRINGS[board.name] } : {}),
      faults,
      onClose: stop,
    });
    const swo = device.processor.swo;
    const core = board.core as { onTraceBytes?: ((bytes: Uint8Array) => void) | undefined };
    if (swo !== undefined && 'onTraceBytes' in core) {
      // The ITM/TPIU output reaches the probe's SWO pin at the time the core emits it.
      const previous = core.onTraceBytes;
      core.onTraceBytes = (bytes) => {
        previous?.(bytes);
        swo.receive(bytes, board.clock.now);
      };
    }
    if (options.pacer === true) {
      let last = performance.now();
      pacer = setInterval(() => {
        const wall = performance.now();
        const step = Math.min((wall - last) * 1e6, PACER_MAX_STEP_NS);
        last = wall;
        if (!device.busy) device.idleUntil(board.clock.now + step);
      }, PACER_TICK_MS);
      pacer.unref();
    }
    return {
      device,
      board,
      debugPort: debug.dp,
      preset,
      metrics: () => device.metrics(),
      close: () => device.close(),
    };
  } catch (error) {
    board.close();
    throw error;
  }
}
