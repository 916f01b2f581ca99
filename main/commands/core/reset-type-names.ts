/**
 * Reset type words the `reset` and `set reset-type` commands accept: our ResetType values (the
 * `reset_type` option's) and pyOCD commander's other names for them, each mapped to one type.
 */
import { ResetType } from '../../coresight/cortex-m/reset-type';

export const RESET_TYPE_WORDS: ReadonlyMap<string, ResetType> = new Map<string, ResetType>([
  ['hw', ResetType.Hw],
  ['hardware', ResetType.Hw],
  ['sw', ResetType.Sw],
  ['software', ResetType.Sw],
  ['sw_sysresetreq', ResetType.SwSysresetreq],
  ['sysresetreq', ResetType.SwSysresetreq],
  ['sw_system', ResetType.SwSysresetreq],
  ['system', ResetType.SwSysresetreq],
  ['sw_vectreset', ResetType.SwVectreset],
  ['vectreset', ResetType.SwVectreset],
  ['sw_core', ResetType.SwVectreset],
  ['core', ResetType.SwVectreset],
  ['sw_emulated', ResetType.SwEmulated],
  ['emulated', ResetType.SwEmulated],
]);

/** `default` stands for the core's configured reset type (the `reset_type` option). */
export const DEFAULT_RESET_WORD = 'default';
