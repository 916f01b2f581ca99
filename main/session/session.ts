/**
 * A debug session (pyOCD's Session): the root of the object graph Session → Board → Target →
 * cores, with the probe, the resolved options, the project directory, the session lock through
 * which every front end's probe access is serialized, and the typed events all of them receive.
 */
import { CmsisDapProbe } from '../probe/cmsis-dap/cmsis-dap-probe';
import { openProbeTransport, type DiscoveryOptions } from '../probe/discovery';
import { SIM_PREFIX } from '../probe/sim/simulated-probes';
import type { DapTransport } from '../probe/transport';
import { DebugPort } from '../coresight/debug-port';
import type { ResetType } from '../coresight/cortex-m/reset-type';
import { CoreSightTarget, type TargetSettings } from '../target/coresight-target';
import type { TargetDelegate } from '../target/target-delegate';
import { GENERIC_TARGET_NAME, TargetRegistry, type TargetDefinition } from '../target/target-definition';
import { Board } from './board';
import { resolveProjectPath, resolveSessionOptions, type SessionOptionsRequest } from './project-options';
import { SessionEvents } from './session-events';
import { SessionLock, type RunOptions } from './session-lock';
import type { SessionOptions } from './session-options';
import { createLogger } from '../../shared/log/logger';

/** The probe a session uses, as discovery lists it. */
export interface ProbeCandidate {
  readonly uniqueId: string;
  readonly description: string;
}

export type TransportOpener = (uniqueId: string, discovery: DiscoveryOptions) => Promise<DapTransport>;

export interface SessionCreateOptions extends SessionOptionsRequest {
  /** Delegates called during connect, reset and disconnect (the user-script host). */
  readonly delegate?: TargetDelegate;
  readonly targets?: TargetRegistry;
  /** Opens the probe's transport; discovery's `openProbeTransport` unless a test supplies one. */
  readonly openTransport?: TransportOpener;
}

const sessionLog = createLogger('session');

export class Session {
  readonly events = new SessionEvents();
  readonly lock: SessionLock;
  readonly options: SessionOptions;
  readonly projectDir: string;
  readonly configPath: string | undefined;
  private probeValue: CmsisDapProbe | undefined;
  private boardValue: Board | undefined;
  private readonly targets: TargetRegistry;

  constructor(readonly probeCandidate: ProbeCandidate, private readonly create: SessionCreateOptions = {}) {
    const resolved = resolveSessionOptions(create);
    this.options = resolved.options;
    this.projectDir = resolved.projectDir;
    this.configPath = resolved.configPath;
    this.options.setProbe(probeCandidate.uniqueId);
    this.targets = create.targets ?? new TargetRegistry();
    this.lock = new SessionLock(() => this.options.get('busy_timeout'));
  }

  get isOpen(): boolean {
    return this.boardValue !== undefined;
  }

  get probe(): CmsisDapProbe {
    if (!this.probeValue) throw new Error(`Session for ${this.probeCandidate.uniqueId} is not open`);
    return this.probeValue;
  }

  get board(): Board {
    if (!this.boardValue) throw new Error(`Session for ${this.probeCandidate.uniqueId} is not open`);
    return this.boardValue;
  }

  get target(): CoreSightTarget {
    return this.board.target;
  }

  /** Runs a front end's operation with exclusive use of the probe (see SessionLock). */
  run<T>(operation: string, body: () => Promise<T>, options?: RunOptions): Promise<T> {
    return this.lock.run(operation, body, options);
  }

  /**
   * -t / target_override; else the part the probe names (DAP_Info target device name), or for a
   * simulated probe the board its unique ID names (`sim:nrf52840`); else the generic `cortex_m`.
   */
  selectTargetDefinition(targetDeviceName: string | undefined): TargetDefinition {
    const override = this.options.get('target_override');
    if (override) return this.targets.require(override);
    const uid = this.probeCandidate.uniqueId;
    const parts = [targetDeviceName, uid.startsWith(SIM_PREFIX) ? uid.slice(SIM_PREFIX.length) : undefined]
      .filter((p): p is string => p !== undefined)
      .map((p) => p.toLowerCase().replace(/[^a-z0-9]/g, ''));
    // Definition names follow vendor part numbering, where "x" stands for any package or option letter.
    // A shorter, family-level part name ("stm32l051") selects the definition it begins.
    const matches = (name: string): boolean =>
      parts.some((part) => new RegExp(`^${name.replace(/x/g, '[a-z0-9]')}`).test(part) || name.startsWith(part));
    const byPart = this.targets.names.find((n) => n !== GENERIC_TARGET_NAME && matches(n));
    return this.targets.require(byPart ?? GENERIC_TARGET_NAME);
  }

  private simStateDir(): string | undefined {
    const dir = this.options.get('sim.state_dir');
    return dir ? resolveProjectPath(this.projectDir, dir) : undefined;
  }

  private settings(): TargetSettings {
    return {
      connectMode: this.options.get('connect_mode'),
      resetType: this.options.get('reset_type') as ResetType,
      vectorCatch: this.options.get('vector_catch'),
      resumeOnDisconnect: this.options.get('resume_on_disconnect'),
    };
  }

  /** Session records go to every subscriber and to the process log, which the CLI prints and the UI's Log view streams. */
  private log(level: 'debug' | 'info' | 'warning' | 'error', message: string): void {
    this.events.emit('log', { level, scope: 'session', message });
    sessionLog[level === 'warning' ? 'warn' : level](message);
  }

  /** Opens the probe, connects the target with its init sequence, and announces the connection. */
  async open(): Promise<void> {
    await this.run('open', async () => {
      const opener = this.create.openTransport ?? openProbeTransport;
      const transport = await opener(this.probeCandidate.uniqueId, {
        sim: { preset: this.options.get('sim.preset') || undefined, stateDir: this.simStateDir(), pacer: this.options.get('sim.real_time') },
      });
      let probe: CmsisDapProbe;
      try {
        probe = await CmsisDapProbe.open(transport);
      } catch (error) {
        await transport.close().catch(() => undefined);
        throw error;
      }
      this.probeValue = probe;
      try {
        const definition = this.selectTargetDefinition(probe.info.targetDeviceName);
        const dp = new DebugPort(probe, { frequency: this.options.get('frequency') });
        const target = new CoreSightTarget({
          dp,
          definition,
          settings: this.settings(),
          resetLine: { setResetAsserted: (asserted) => probe.setNReset(asserted), pulseReset: (ms) => probe.pulseNReset(ms * 1000) },
          delegate: this.create.delegate,
          serialize: (operation, body) => this.run(operation, body),
          log: (level, message) => this.log(level, message),
          onCoreState: (core, state) => this.events.emit('state', { core: core.coreNumber, state }),
        });
        const board = new Board(this.probeCandidate.uniqueId, probe.info.targetBoardName ?? definition.part, target);
        await target.connect((step) => this.events.emit('initStep', { step }));
        this.boardValue = board;
        this.events.emit('connection', { connected: true, target: definition.name });
      } catch (error) {
        this.probeValue = undefined;
        await probe.transport.close().catch(() => undefined);
        throw error;
      }
    });
  }

  /** Disconnects the target (resuming it per `resume_on_disconnect` unless told) and closes the probe. */
  async close(options: { resume?: boolean } = {}): Promise<void> {
    await this.run('close', async () => {
      const board = this.boardValue;
      const probe = this.probeValue;
      this.boardValue = undefined;
      this.probeValue = undefined;
      try {
        if (board) await board.target.disconnect(options.resume);
        if (probe) await probe.disconnect().catch(() => undefined);
      } finally {
        await probe?.transport.close().catch(() => undefined);
        if (board) this.events.emit('connection', { connected: false, target: board.targetType });
      }
    });
  }
}
