import type { VirtualClock } from '../../clock/virtual-clock';
import type { NrfCtrlApHooks } from '../common/sim-board';

/** What the CTRL-AP acts on. */
export interface CtrlApTarget {
  /** Holds or releases the device in reset (soft reset). */
  holdInReset(asserted: boolean): void;
  /** Starts the erase of flash, UICR and RAM; returns the virtual time it ends. */
  eraseAll(): number;
  /** Called when an ERASEALL has completed. */
  eraseAllDone(): void;
  /** True when access port protection is not in force. */
  accessPortOpen(): boolean;
}

/**
 * The nRF52840 CTRL-AP operations (PS chapter "CTRL-AP — Control access port", registers
 * RESET, ERASEALL, ERASEALLSTATUS, APPROTECTSTATUS). The AP itself — IDR, the register
 * interface — belongs to the debug port; this is the device side it drives. The CTRL-AP is
 * reachable whatever the protection state.
 */
export class CtrlAp implements NrfCtrlApHooks {
  private reset = 0;
  private eraseUntil = 0;

  constructor(
    private readonly clock: VirtualClock,
    private readonly target: CtrlApTarget,
  ) {}

  setReset(asserted: boolean): void {
    const value = asserted ? 1 : 0;
    if (value === this.reset) return;
    this.reset = value;
    this.target.holdInReset(asserted);
  }

  get resetRegister(): number {
    return this.reset;
  }

  /** ERASEALL = 1: starts an erase unless one is in progress. */
  eraseAll(): void {
    if (this.eraseAllStatus === 1) return;
    this.eraseUntil = this.target.eraseAll();
    this.clock.schedule(this.eraseUntil, () => this.target.eraseAllDone());
  }

  get eraseAllStatus(): number {
    return this.clock.now < this.eraseUntil ? 1 : 0;
  }

  get apProtectStatus(): number {
    return this.target.accessPortOpen() ? 1 : 0;
  }
}
