// The toolbar's side of the session: what can be picked (probes, presets, targets), what is
// picked, and the actions (connect, run control, reset), each one call over the Bridge. The live
// connection and core state come from the status and target stores.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ProbeInfo, SimulatedPreset, TargetSummary } from '../../../shared/api/schemas/probe';
import type { ConnectMode } from '../../../shared/api/schemas/session';
import { useBridge } from './use-bridge';
import { useStatusStore } from './status';
import { useTargetStore } from './target';

/** The action now waiting for the host, shown on its button. */
export type PendingAction = 'list' | 'connect' | 'disconnect' | 'halt' | 'resume' | 'step' | 'reset';

export const useSessionStore = defineStore('session', () => {
  const bridge = useBridge();
  const status = useStatusStore();
  const target = useTargetStore();

  const probes = ref<ProbeInfo[]>([]);
  const presets = ref<SimulatedPreset[]>([]);
  const targets = ref<TargetSummary[]>([]);
  const warnings = ref<string[]>([]);
  const uid = ref('');
  /** Empty: the simulator's default preset. */
  const preset = ref('');
  /** Empty: auto-detect. */
  const targetType = ref('');
  const connectMode = ref<ConnectMode>('attach');
  const pending = ref<PendingAction | null>(null);
  const error = ref<string | null>(null);

  const phase = computed(() => status.status?.connection.phase ?? 'disconnected');
  const lostReason = computed(() => status.status?.connection.reason ?? 'no reason given');
  const selectedProbe = computed(() => probes.value.find((p) => p.uniqueId === uid.value));
  const isSimulated = computed(() => selectedProbe.value?.kind === 'simulated');
  const connected = computed(() => phase.value === 'connected');
  const idle = computed(() => pending.value === null);
  const core = computed(() => target.state.state);

  const can = computed(() => ({
    pick: idle.value && (phase.value === 'disconnected' || phase.value === 'lost'),
    connect: idle.value && uid.value !== '' && (phase.value === 'disconnected' || phase.value === 'lost'),
    disconnect: idle.value && (connected.value || phase.value === 'lost'),
    halt: idle.value && connected.value && ['running', 'sleeping', 'lockup', 'reset'].includes(core.value),
    resume: idle.value && connected.value && (core.value === 'halted' || core.value === 'lockup'),
    step: idle.value && connected.value && core.value === 'halted',
    reset: idle.value && connected.value,
    reconnect: idle.value && phase.value === 'lost',
  }));

  /** Runs one call as the pending action; a failure becomes `error`, never a thrown exception. */
  async function perform<T>(action: PendingAction, call: () => Promise<T>): Promise<T | undefined> {
    pending.value = action;
    error.value = null;
    try {
      return await call();
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
      return undefined;
    } finally {
      pending.value = null;
    }
  }

  async function refresh(): Promise<void> {
    await perform('list', async () => {
      const [probeList, targetList] = await Promise.all([bridge.call('probe.list', {}), bridge.call('target.list', {})]);
      probes.value = probeList.probes;
      presets.value = probeList.presets;
      warnings.value = probeList.warnings;
      targets.value = targetList.targets;
      const current = status.status?.connection.probe;
      if (current && probes.value.some((p) => p.uniqueId === current)) uid.value = current;
      else if (!probes.value.some((p) => p.uniqueId === uid.value)) uid.value = probes.value[0]?.uniqueId ?? '';
    });
  }

  const connect = () =>
    perform('connect', () =>
      bridge.call('session.connect', {
        uid: uid.value,
        connectMode: connectMode.value,
        ...(isSimulated.value && preset.value ? { preset: preset.value } : {}),
        ...(targetType.value ? { target: targetType.value } : {}),
      }),
    );
  const reconnect = () => perform('connect', () => bridge.call('session.reconnect', {}));
  const disconnect = () => perform('disconnect', () => bridge.call('session.disconnect', {}));
  const halt = () => perform('halt', () => bridge.call('target.halt', {}));
  const resume = () => perform('resume', () => bridge.call('target.resume', {}));
  const step = () => perform('step', () => bridge.call('target.step', {}));
  const reset = (andHalt: boolean) => perform('reset', () => bridge.call('target.reset', { halt: andHalt }));

  function dismissError(): void {
    error.value = null;
  }

  return {
    probes, presets, targets, warnings, uid, preset, targetType, connectMode, pending, error,
    phase, lostReason, selectedProbe, isSimulated, connected, can,
    refresh, connect, reconnect, disconnect, halt, resume, step, reset, dismissError,
  };
});
