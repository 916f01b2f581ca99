/**
 * Errors of the CoreSight layer (runtime: plain Node). Both are TransferErrors so that a memory
 * access failing because of them still rejects with the MemoryInterface's error type.
 */
import { TransferError } from '../probe/errors';

/** The debug port could not be brought back after a failure; `DebugPort.connect()` must be run again. */
export class DebugPortLostError extends TransferError {}

/** A power-up request (ADIv5.2 B2.2.2 CDBGPWRUPREQ/CSYSPWRUPREQ) was not acknowledged in time. */
export class PowerUpTimeoutError extends TransferError {}
