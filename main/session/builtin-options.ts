/**
 * The session options the engine understands, named as pyOCD's where an equivalent exists
 * (pyocd/core/options.py), so config files and `-O` settings carry over.
 */
import type { BooleanOption, EnumOption, IntegerOption, StringOption } from './option-definition';

export const CONNECT_MODES = ['halt', 'pre-reset', 'under-reset', 'attach'] as const;
export type ConnectMode = (typeof CONNECT_MODES)[number];

export const RESET_TYPE_CHOICES = ['hw', 'sw', 'sw_sysresetreq', 'sw_vectreset', 'sw_emulated'] as const;

const frequency: IntegerOption = { name: 'frequency', kind: 'integer', default: 1_000_000, min: 1, help: 'SWD clock frequency in Hz.' };
const connectMode: EnumOption<ConnectMode> = {
  name: 'connect_mode',
  kind: 'enum',
  default: 'halt',
  choices: CONNECT_MODES,
  help: 'How to connect: halt the core, reset before connecting (pre-reset), connect with nRESET held (under-reset), or attach without disturbing the core.',
};
const resetType: EnumOption<(typeof RESET_TYPE_CHOICES)[number]> = {
  name: 'reset_type',
  kind: 'enum',
  default: 'sw',
  choices: RESET_TYPE_CHOICES,
  help: 'Default reset: hw (nRESET), sw (= sw_sysresetreq), sw_sysresetreq, sw_vectreset (ARMv7-M only; emulated elsewhere), sw_emulated.',
};
const autoUnlock: BooleanOption = { name: 'auto_unlock', kind: 'boolean', default: true, help: 'Unlock a locked device by mass erase when connecting.' };
const resumeOnDisconnect: BooleanOption = {
  name: 'resume_on_disconnect',
  kind: 'boolean',
  default: true,
  help: 'Let the core run when the session disconnects.',
};
const projectDir: StringOption = {
  name: 'project_dir',
  kind: 'string',
  default: '',
  help: 'Project directory: where the config file and user script are found and relative paths are resolved. Empty: the working directory.',
};
const userScript: StringOption = { name: 'user_script', kind: 'string', default: '', help: 'User script path, relative to the project directory.' };
const configFile: StringOption = { name: 'config_file', kind: 'string', default: '', help: 'Config file to read instead of the project directory one.' };
const noConfig: BooleanOption = { name: 'no_config', kind: 'boolean', default: false, help: 'Read no config file at all.' };
const targetOverride: StringOption = { name: 'target_override', kind: 'string', default: '', help: 'Target type to use instead of the one the probe or discovery suggests.' };
const vectorCatch: StringOption = {
  name: 'vector_catch',
  kind: 'string',
  default: 'h',
  help: 'Vector catches set on connect, as letters: h hard fault, b bus fault, m mem manage, i interrupt error, s state error, c checking error, p no coprocessor, r core reset, a all, n none.',
};
const busyTimeout: IntegerOption = {
  name: 'busy_timeout',
  kind: 'integer',
  default: 30_000,
  min: 0,
  help: 'Milliseconds a request waits for another front end\'s operation on the probe before failing with "busy"; 0 fails at once.',
};
const simPreset: StringOption = { name: 'sim.preset', kind: 'string', default: '', help: 'Simulated probe preset (empty: the simulator default).' };
const simStateDir: StringOption = { name: 'sim.state_dir', kind: 'string', default: '', help: 'Directory where simulated boards keep their flash, UICR/option bytes and EEPROM between runs (empty: probedesk/sim in the user data directory).' };
const simRealTime: BooleanOption = {
  name: 'sim.real_time',
  kind: 'boolean',
  default: false,
  help: 'Simulated boards keep running at their clock rate in wall time while the host is silent (the workstation sets it, so a watched target visibly runs); otherwise simulated time passes only with probe traffic.',
};

export const BUILTIN_OPTIONS = {
  frequency,
  connect_mode: connectMode,
  reset_type: resetType,
  auto_unlock: autoUnlock,
  resume_on_disconnect: resumeOnDisconnect,
  project_dir: projectDir,
  user_script: userScript,
  config_file: configFile,
  no_config: noConfig,
  target_override: targetOverride,
  vector_catch: vectorCatch,
  busy_timeout: busyTimeout,
  'sim.preset': simPreset,
  'sim.state_dir': simStateDir,
  'sim.real_time': simRealTime,
} as const;

export type BuiltinOptionName = keyof typeof BUILTIN_OPTIONS;
