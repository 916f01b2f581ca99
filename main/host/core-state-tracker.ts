/**
 * Keeps the host's view of core 0's run state current while a session is open. Changes the host
 * makes are read back right after the action (`refresh`); changes the target makes by itself (a
 * breakpoint hit, lockup, sleep) are found by polling DHCSR. Every read goes through the session's
 * serialized access; a poll that finds the probe busy is skipped rather than queued, so polling
 * never delays a user's operation.
 */
import { createLogger } from '../../shared/log/logger';
import type { TargetState } from '../../shared/api/schemas/target-state';
import type { Session } from '../session/session';
import { SessionBusyError } from '../session/session-lock';
import { isConnectionLoss, messageOf } from './connection-loss';
import { targetStateOf, type CoreSnapshot } from './core-state-view';

export const DEFAULT_POLL_INTERVAL_MS = 150;

export interface CoreStateTrackerOptions {
  readonly publish: (state: TargetState) => void;
  /** The probe went away during a read. */
  readonly onLoss: (error: unknown) => void;
  readonly intervalMs?: number;
}

const log = createLogger('host.core-state');

export class CoreStateTracker {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  /** Set when the halt reason and PC must be read again (a state event, or a host action). */
  private stale = true;
  private last: CoreSnapshot | undefined;
  private readonly offState: () => void;

  constructor(
    private readonly session: Session,
    private readonly options: CoreStateTrackerOptions,
  ) {
    // Emitted inside the operation that changed the state, so only note it: reading here would
    // interleave with that operation's own transfers.
    this.offState = session.events.on('state', () => {
      this.stale = true;
    });
  }

  start(): void {
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.offState();
  }

  /** Reads the state now, waiting for the probe if another operation holds it. */
  refresh(): Promise<void> {
    this.stale = true;
    return this.read(undefined);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.poll(), this.options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS);
  }

  private async poll(): Promise<void> {
    if (!this.session.lock.busyWith) await this.read(0);
    this.schedule();
  }

  private async read(timeoutMs: number | undefined): Promise<void> {
    if (this.stopped) return;
    try {
      const snapshot = await this.session.run('read core state', () => this.snapshot(), timeoutMs === undefined ? {} : { timeoutMs });
      if (this.stopped || !snapshot) return;
      this.last = snapshot;
      this.options.publish(targetStateOf(snapshot));
    } catch (error) {
      if (error instanceof SessionBusyError || this.stopped) return;
      if (isConnectionLoss(error)) this.options.onLoss(error);
      else log.debug(`reading the core state failed: ${messageOf(error)}`);
    }
  }

  /** The core's state; undefined when nothing changed since the last read. */
  private async snapshot(): Promise<CoreSnapshot | undefined> {
    const core = this.session.target.core;
    const state = await core.getState();
    const changed = state !== this.last?.state;
    if (state !== 'halted') return changed ? { core: core.coreNumber, state } : undefined;
    if (!changed && !this.stale) return undefined;
    this.stale = false;
    const haltReason = await core.getHaltReason();
    const pc = await core.readCoreRegister('pc');
    return { core: core.coreNumber, state, haltReason, pc };
  }
}
