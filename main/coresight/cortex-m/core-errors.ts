/** Errors raised by Cortex-M halting-debug control; each message names what failed and where. */

const hex = (value: number): string => `0x${(value >>> 0).toString(16).padStart(8, '0')}`;

export class CoreError extends Error {
  override name = 'CoreError';
}

/** A bounded wait on the core (halt, register transfer, reset) ran out of time. */
export class CoreTimeoutError extends CoreError {
  override name = 'CoreTimeoutError';
  constructor(readonly what: string, readonly timeoutMs: number, options?: { cause?: unknown }) {
    const detail = options?.cause instanceof Error ? ` (last error: ${options.cause.message})` : '';
    super(`Timed out after ${timeoutMs} ms waiting for ${what}${detail}`, options);
  }
}

/** An operation that needs debug state (C1.2) was asked of a running core. */
export class CoreNotHaltedError extends CoreError {
  override name = 'CoreNotHaltedError';
  constructor(operation: string) {
    super(`${operation} needs the core halted; halt it first`);
  }
}

/** A memory access made on the core's behalf failed; names the address and the purpose. */
export class MemoryFaultError extends CoreError {
  override name = 'MemoryFaultError';
  constructor(readonly address: number, readonly purpose: string, options?: { cause?: unknown }) {
    const detail = options?.cause instanceof Error ? `: ${options.cause.message}` : '';
    super(`Memory fault at ${hex(address)} while ${purpose}${detail}`, options);
  }
}

/** A request the architecture or this core's debug units cannot satisfy. */
export class CoreUnsupportedError extends CoreError {
  override name = 'CoreUnsupportedError';
}

export { hex as formatAddress };
