// The ProbeDesk router: every service of the main process, registered once. Both the Electron app
// and the browser host build their adapters on this. A new service is one more entry in `services`.
import { probeDeskApi, type ProbeDeskApi } from '../../shared/api/probedesk-api';
import type { HostKind } from '../../shared/api/schemas/system';
import { logHub } from '../../shared/log/logger';
import { createHostState, type HostState } from './host-state';
import { LogHistory } from './log-history';
import { Router } from './router';
import { SessionHost, type SessionHostOptions } from './session-host';
import { consoleService } from './services/console-service';
import { logService } from './services/log-service';
import { probeService, type ProbeServiceOptions } from './services/probe-service';
import { sessionService } from './services/session-service';
import { systemService } from './services/system-service';
import { targetService } from './services/target-service';
import { appVersion } from './app-version';

export interface HostRouterOptions {
  readonly session?: SessionHostOptions;
  readonly probes?: ProbeServiceOptions;
}

export interface HostRouter {
  readonly router: Router<ProbeDeskApi>;
  readonly state: HostState;
  /** The UI's session; `dispose()` it when the host stops. */
  readonly sessions: SessionHost;
}

export function createHostRouter(host: HostKind, options: HostRouterOptions = {}): HostRouter {
  const state = createHostState(appVersion, host);
  const sessions = new SessionHost(state, options.session);
  const services = [
    systemService(state),
    logService(logHub, new LogHistory(logHub)),
    targetService(state),
    probeService(options.probes),
    sessionService(sessions),
    consoleService(sessions),
  ];
  return { router: new Router(probeDeskApi, services), state, sessions };
}
