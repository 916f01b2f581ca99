/**
 * Hooks a target calls at fixed points of its life, named after the user-script delegates of
 * the pyOCD spec (docs: shared/spec/pyocd-user-scripts.md) in camelCase. The user-script host
 * implements this interface; every hook is optional. Override hooks return `true` when they did
 * the work, so the default is skipped.
 */
import type { CortexM } from '../coresight/cortex-m/cortex-m';
import type { ResetType } from '../coresight/cortex-m/reset-type';
import type { CallSequence } from './call-sequence';
import type { CoreSightTarget } from './coresight-target';

type Maybe<T> = T | Promise<T>;

export interface TargetDelegate {
  /** Review or change the init sequence before it runs. */
  willInitTarget?(target: CoreSightTarget, initSequence: CallSequence): Maybe<void>;
  didInitTarget?(target: CoreSightTarget): Maybe<void>;
  /** After the DP is powered up, before AP discovery: only DP access is available. */
  unlockDevice?(target: CoreSightTarget): Maybe<void>;
  willStartDebugCore?(core: CortexM): Maybe<void>;
  startDebugCore?(core: CortexM): Maybe<boolean | void>;
  didStartDebugCore?(core: CortexM): Maybe<void>;
  willStopDebugCore?(core: CortexM): Maybe<void>;
  stopDebugCore?(core: CortexM): Maybe<boolean | void>;
  didStopDebugCore?(core: CortexM): Maybe<void>;
  willDisconnect?(target: CoreSightTarget, resume: boolean): Maybe<void>;
  didDisconnect?(target: CoreSightTarget, resume: boolean): Maybe<void>;
  willReset?(core: CortexM, resetType: ResetType): Maybe<boolean | void>;
  didReset?(core: CortexM, resetType: ResetType): Maybe<void>;
}
