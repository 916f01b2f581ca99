// The main process's live state that the UI follows. The session services of later issues write
// it (connect, disconnect, halt, progress of a flash run); the event streams read it.
import type { Progress } from '../../shared/api/schemas/progress';
import type { ConnectionState, HostKind } from '../../shared/api/schemas/system';
import type { TargetState } from '../../shared/api/schemas/target-state';
import { EventHub } from './event-hub';
import { ObservableValue } from './observable-value';

export interface HostState {
  readonly version: string;
  readonly host: HostKind;
  readonly connection: ObservableValue<ConnectionState>;
  /** Core 0's run state; `disconnected` while no session is open. */
  readonly target: ObservableValue<TargetState>;
  readonly progress: EventHub<Progress>;
}

export function createHostState(version: string, host: HostKind): HostState {
  return {
    version,
    host,
    connection: new ObservableValue<ConnectionState>({ phase: 'disconnected' }),
    target: new ObservableValue<TargetState>({ core: 0, state: 'disconnected' }),
    progress: new EventHub<Progress>(),
  };
}
