/**
 * Vector catch: DEMCR.VC_* bits that make the core halt on entry to the named exception
 * (ARMv7-M ARM C1.6.5). ARMv6-M implements only CORERESET and HARDERR (ARMv6-M ARM C1.6.4).
 * The bit values here are DEMCR's, so a mask can be written straight into the register.
 */
import { Demcr } from './debug-registers';

export const VectorCatch = {
  None: 0,
  CoreReset: Demcr.VC_CORERESET,
  MemManage: Demcr.VC_MMERR,
  NoCoprocessor: Demcr.VC_NOCPERR,
  CheckingError: Demcr.VC_CHKERR,
  StateError: Demcr.VC_STATERR,
  BusFault: Demcr.VC_BUSERR,
  InterruptError: Demcr.VC_INTERR,
  HardFault: Demcr.VC_HARDERR,
} as const;

export const VECTOR_CATCH_ALL_V7 =
  VectorCatch.CoreReset |
  VectorCatch.MemManage |
  VectorCatch.NoCoprocessor |
  VectorCatch.CheckingError |
  VectorCatch.StateError |
  VectorCatch.BusFault |
  VectorCatch.InterruptError |
  VectorCatch.HardFault;

export const VECTOR_CATCH_ALL_BASELINE = VectorCatch.CoreReset | VectorCatch.HardFault;
