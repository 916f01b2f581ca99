import { createDebugSystem } from '../../../main/sim/adi/debug-system';
import { DEBUG_PARTS } from '../../../main/sim/adi/debug-parts';
import { MemorySlave, SystemBus } from '../../../main/sim/bus/system-bus';
import { VirtualClock } from '../../../main/sim/clock/virtual-clock';
import type { TargetStrings } from '../../../main/sim/cmsis-dap/dap-info';
import { type FaultPlan, validateFaultPlan, waitStormEnd } from '../../../main/sim/cmsis-dap/fault-plan';
import { findPreset } from '../../../main/sim/cmsis-dap/probe-presets';
import { type ProbeBoard, SimulatedDap } from '../../../main/sim/cmsis-dap/simulated-dap-device';

/**
 * A simulated probe on a minimal target: the nRF52840's DP and APs over a SystemBus with
 * 64 KiB of RAM at 0x20000000, a board double that only advances the clock and records
 * nRESET, and CTRL-AP hooks that record what they are asked.
 */
export function createTestProbe(options: { preset?: string; faults?: FaultPlan; targetStrings?: TargetStrings } = {}) {
  const faults = options.faults ?? {};
  validateFaultPlan(faults);
  const clock = new VirtualClock();
  const bus = new SystemBus();
  const ram = new MemorySlave('RAM', 0x10000, true);
  bus.map(0x20000000, 0x10000, ram);
  const resetPin: boolean[] = [];
  const board: ProbeBoard = {
    clock,
    runUntil: (t) => clock.advanceTo(t),
    setResetPin: (asserted) => resetPin.push(asserted),
  };
  const ctrlState = { resetRegister: 0, eraseAllStatus: 0, apProtectStatus: 1 };
  const debug = createDebugSystem(DEBUG_PARTS.nrf52840, {
    bus,
    now: () => clock.now,
    ctrlAp: {
      setReset: (a) => (ctrlState.resetRegister = a ? 1 : 0),
      get resetRegister() {
        return ctrlState.resetRegister;
      },
      eraseAll: () => (ctrlState.eraseAllStatus = 1),
      get eraseAllStatus() {
        return ctrlState.eraseAllStatus;
      },
      get apProtectStatus() {
        return ctrlState.apProtectStatus;
      },
    },
    stalledUntil: () => waitStormEnd(faults, clock.now),
    ...(faults.faultRanges !== undefined ? { faultRanges: faults.faultRanges } : {}),
  });
  const preset = findPreset(options.preset ?? 'daplink-v1-hid');
  const device = new SimulatedDap({
    preset,
    board,
    dp: debug.dp,
    faults,
    ...(options.targetStrings !== undefined ? { targetStrings: options.targetStrings } : {}),
  });

  /** One command and its response, trimmed to `length` bytes when given (HID reports are padded). */
  async function exchange(request: number[], length?: number): Promise<number[]> {
    await device.write(Uint8Array.from(request));
    const response = Array.from(await device.read());
    return length === undefined ? response : response.slice(0, length);
  }

  /** DAP_Connect, line reset, DPIDR read, debug power-up, CSW word with auto-increment. */
  async function connect(swclkHz = 10_000_000): Promise<void> {
    await exchange([0x02, 0x01]);
    await exchange([0x11, ...u32(swclkHz)]);
    await exchange([0x04, 0x00, 0x64, 0x00, 0x00, 0x00]);
    await exchange([0x12, 51, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x07]);
    await exchange([0x12, 8, 0x00]);
    await exchange([0x05, 0x00, 0x01, 0x02]);
    await exchange([0x05, 0x00, 0x01, 0x04, ...u32(0x50000000)]);
    clock.advanceTo(clock.now + 10_000);
    await exchange([0x05, 0x00, 0x02, 0x08, ...u32(0), 0x01, ...u32(0x23000012)]);
  }

  return { clock, bus, ram, board, device, debug, preset, resetPin, ctrlState, exchange, connect };
}

export function u32(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

export function u16(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff];
}
