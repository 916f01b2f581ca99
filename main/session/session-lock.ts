/**
 * Serialized probe access for one session. Every front end (UI, console, GDB server, user
 * scripts) runs its operations through `run`, so the transfers of two operations never
 * interleave. Operations nest: an operation that calls another from inside itself (a reset inside
 * a connect) runs it directly, recognised through the async context, instead of deadlocking.
 * A caller that finds the probe busy waits up to its timeout, or fails at once with `timeoutMs: 0`,
 * with a SessionBusyError naming the operation that holds the probe.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export class SessionBusyError extends Error {
  override name = 'SessionBusyError';
  constructor(readonly operation: string, readonly holder: string, readonly waitedMs: number) {
    super(
      waitedMs > 0
        ? `Probe busy: "${operation}" waited ${waitedMs} ms while "${holder}" was running`
        : `Probe busy: "${holder}" is running, so "${operation}" cannot start now`,
    );
  }
}

interface Holder {
  readonly operation: string;
  readonly token: symbol;
}

interface Waiter extends Holder {
  readonly start: () => void;
}

export interface RunOptions {
  /** How long to wait for the probe; 0 fails at once when it is busy. */
  readonly timeoutMs?: number;
}

export class SessionLock {
  private holder: Holder | undefined;
  private readonly queue: Waiter[] = [];
  private readonly context = new AsyncLocalStorage<symbol>();

  constructor(private readonly defaultTimeoutMs: () => number = () => 30_000) {}

  /** The operation now holding the probe, if any. */
  get busyWith(): string | undefined {
    return this.holder?.operation;
  }

  async run<T>(operation: string, body: () => Promise<T>, options: RunOptions = {}): Promise<T> {
    if (this.holder && this.context.getStore() === this.holder.token) return body();
    const token = Symbol(operation);
    if (this.holder) await this.wait({ operation, token }, options.timeoutMs ?? this.defaultTimeoutMs());
    else this.holder = { operation, token };
    try {
      return await this.context.run(token, body);
    } finally {
      // Hand the probe straight to the next waiter so no newcomer can slip in between.
      const next = this.queue.shift();
      this.holder = next ? { operation: next.operation, token: next.token } : undefined;
      next?.start();
    }
  }

  private wait(me: Holder, timeoutMs: number): Promise<void> {
    const holder = this.holder!.operation;
    if (timeoutMs <= 0) return Promise.reject(new SessionBusyError(me.operation, holder, 0));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        ...me,
        start: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(new SessionBusyError(me.operation, this.holder?.operation ?? holder, timeoutMs));
      }, timeoutMs);
      this.queue.push(waiter);
    });
  }
}
