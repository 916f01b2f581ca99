// Which engine failures end a session: the probe is gone or silent (it must be reopened), or the
// debug port could not be recovered (it must be connected again). Either way the UI offers Reconnect.
import { DebugPortLostError } from '../coresight/errors';
import { ProbeDisconnectedError, ProbeTimeoutError } from '../probe/errors';

export function isConnectionLoss(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (e instanceof ProbeDisconnectedError || e instanceof ProbeTimeoutError || e instanceof DebugPortLostError) return true;
  }
  return false;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
