// The ProbeDesk API: every method and event stream between the UI and the main-process services.
// To add a method: one `defineMethod` entry here (schemas in ./schemas/), then one handler in a
// service under main/host/services/. The preload, both bridges and both transports pick it up.
import { z } from 'zod';
import { defineContract, defineEvent, defineMethod } from './contract';
import { ConsoleCompletions, ConsoleHelp, ConsoleHelpRequest, ConsoleLine, ConsoleReply } from './schemas/console';
import { LogRecord, LogSubscription } from './schemas/log';
import { ProbeList, TargetList } from './schemas/probe';
import { Progress } from './schemas/progress';
import { ConnectRequest, ConnectResult, ResetRequest, ResetResult } from './schemas/session';
import { SystemStatus } from './schemas/system';
import { TargetState } from './schemas/target-state';

const NoParams = z.object({}).strict();
const Done = z.null();

export const probeDeskApi = defineContract({
  methods: {
    'system.status': defineMethod({
      summary: 'Version, host kind and probe connection state.',
      params: NoParams,
      result: SystemStatus,
    }),
    'probe.list': defineMethod({
      summary: 'The probes discovery finds (USB and simulated) and the simulated probe presets.',
      params: NoParams,
      result: ProbeList,
    }),
    'target.list': defineMethod({
      summary: 'The built-in target types.',
      params: NoParams,
      result: TargetList,
    }),
    'session.connect': defineMethod({
      summary: 'Opens the probe and connects to its target; fails while a session is open.',
      params: ConnectRequest,
      result: ConnectResult,
    }),
    'session.reconnect': defineMethod({
      summary: 'Connects again with the settings of the session that was lost.',
      params: NoParams,
      result: ConnectResult,
    }),
    'session.disconnect': defineMethod({
      summary: 'Disconnects the session (the core runs on per resume_on_disconnect) and closes the probe.',
      params: NoParams,
      result: Done,
    }),
    'target.halt': defineMethod({ summary: 'Halts the core.', params: NoParams, result: Done }),
    'target.resume': defineMethod({ summary: 'Lets the core run.', params: NoParams, result: Done }),
    'target.step': defineMethod({ summary: 'Executes one instruction on the halted core.', params: NoParams, result: Done }),
    'target.reset': defineMethod({
      summary: 'Resets the target, optionally halting on the reset handler.',
      params: ResetRequest,
      result: ResetResult,
    }),
    'console.execute': defineMethod({
      summary: 'Runs one console command line against the session.',
      params: ConsoleLine,
      result: ConsoleReply,
    }),
    'console.complete': defineMethod({
      summary: 'Completion candidates for the last word of a console line.',
      params: ConsoleLine,
      result: ConsoleCompletions,
    }),
    'console.help': defineMethod({
      summary: 'The command overview, or one command\'s usage.',
      params: ConsoleHelpRequest,
      result: ConsoleHelp,
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
