// The `target.state` and `progress` streams, read from the host state the session services write.
import { probeDeskApi } from '../../../shared/api/probedesk-api';
import type { HostState } from '../host-state';
import { defineService } from '../router';

export function targetService(state: HostState) {
  return defineService(probeDeskApi, {
    name: 'target',
    events: {
      'target.state': (_params, emit) => state.target.watch(emit),
      progress: (_params, emit) => state.progress.subscribe(emit),
    },
  });
}
