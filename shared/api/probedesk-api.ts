// The ProbeDesk API: every method and event stream between the UI and the main-process services.
// To add a method: one `defineMethod` entry here (schemas in ./schemas/), then one handler in a
// service under main/host/services/. The preload, both bridges and both transports pick it up.
import { z } from 'zod';
import { defineContract, defineEvent, defineMethod } from './contract';
import { LogRecord, LogSubscription } from './schemas/log';
import { Progress } from './schemas/progress';
import { SystemStatus } from './schemas/system';
import { TargetState } from './schemas/target-state';

const NoParams = z.object({}).strict();

export const probeDeskApi = defineContract({
  methods: {
    'system.status': defineMethod({
      summary: 'Version, host kind and probe connection state.',
      params: NoParams,
      result: SystemStatus,
    }),
  },
  events: {
    'system.status': defineEvent({
      summary: 'The system status now, then again whenever it changes.',
      params: NoParams,
      payload: SystemStatus,
    }),
    log: defineEvent({
      summary: 'Engine log records from now on, optionally after the recent history.',
      params: LogSubscription,
      payload: LogRecord,
    }),
    'target.state': defineEvent({
      summary: 'The core run state now, then again whenever it changes.',
      params: NoParams,
      payload: TargetState,
    }),
    progress: defineEvent({
      summary: 'Progress reports of long operations started from now on.',
      params: NoParams,
      payload: Progress,
    }),
  },
});

export type ProbeDeskApi = typeof probeDeskApi;
