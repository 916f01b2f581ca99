/**
 * Polling with a bound. Every wait on the target ends: the predicate is re-read until it holds or
 * the wall-clock budget runs out, so a dead or wedged target gives an error instead of a hang.
 */
import { CoreTimeoutError } from './core-errors';

export interface PollOptions {
  readonly timeoutMs: number;
  /** What is being waited for, for the timeout message. */
  readonly what: string;
  /** Read errors tolerated while polling (e.g. the AP faults during a system reset). */
  readonly tolerateErrors?: boolean;
}

export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, options: PollOptions): Promise<T> {
  const deadline = performance.now() + options.timeoutMs;
  let lastError: unknown;
  for (let attempt = 0; ; attempt++) {
    try {
      const value = await read();
      if (done(value)) return value;
    } catch (error) {
      if (!options.tolerateErrors) throw error;
      lastError = error;
    }
    if (performance.now() > deadline) {
      throw new CoreTimeoutError(options.what, options.timeoutMs, { cause: lastError });
    }
    // Yield to the event loop after the first few tries so a simulated target's clock can run.
    if (attempt >= 4) await new Promise<void>((resolve) => setTimeout(resolve, Math.min(attempt, 10)));
  }
}
