// system.status (method and stream): version, host kind and connection state.
import { probeDeskApi } from '../../../shared/api/probedesk-api';
import type { SystemStatus } from '../../../shared/api/schemas/system';
import type { HostState } from '../host-state';
import { defineService } from '../router';

export function systemService(state: HostState) {
  const status = (): SystemStatus => ({ version: state.version, host: state.host, connection: state.connection.get() });
  return defineService(probeDeskApi, {
    name: 'system',
    methods: {
      'system.status': () => status(),
    },
    events: {
      'system.status': (_params, emit) => state.connection.watch(() => emit(status())),
    },
  });
}
