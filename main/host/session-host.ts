/**
 * The one debug session the UI works with: at most one Session (main/session/) at a time, behind
 * both transports. It writes HostState.connection (connecting → connected → lost or disconnected)
 * and HostState.target, runs every action through the session's serialized access, and turns a
 * probe that went away into the `lost` phase, keeping the request so Reconnect can repeat it.
 */
import { ApiError } from '../../shared/api/api-error';
import type { ConnectRequest, ConnectResult } from '../../shared/api/schemas/session';
import { createLogger } from '../../shared/log/logger';
import { CommandConsole } from '../commands/command-console';
import { SIM_PREFIX } from '../probe/sim/simulated-probes';
import { openSession, type SessionRequest } from '../session/open-session';
import type { Session, TransportOpener } from '../session/session';
import { isConnectionLoss, messageOf } from './connection-loss';
import { CoreStateTracker } from './core-state-tracker';
import { DISCONNECTED_CORE } from './core-state-view';
import type { HostState } from './host-state';

/** Settings every connection of this host starts from (the host's `-j`, `--config`, `-O`). */
export type SessionDefaults = Pick<SessionRequest, 'project' | 'config' | 'sessionOptions'>;

export interface SessionHostOptions {
  readonly defaults?: SessionDefaults;
  /** Opens a probe's transport; discovery's own unless a test supplies one. */
  readonly openTransport?: TransportOpener;
  readonly pollIntervalMs?: number;
}

interface Open {
  readonly session: Session;
  /** The Console view's command console on this session. */
  readonly console: CommandConsole;
  readonly tracker: CoreStateTracker;
  readonly offConnection: () => void;
}

const log = createLogger('host.session');

export class SessionHost {
  private open: Open | undefined;
  private connecting: string | undefined;
  private lastRequest: ConnectRequest | undefined;
  /** The close of a lost session still in progress; a new connection waits for it. */
  private closing: Promise<void> = Promise.resolve();

  constructor(
    private readonly state: HostState,
    private readonly options: SessionHostOptions = {},
  ) {}

  /** The open session, if any. */
  get session(): Session | undefined {
    return this.open?.session;
  }

  /** The command console of the open session, if any. */
  get console(): CommandConsole | undefined {
    return this.open?.console;
  }

  async connect(request: ConnectRequest): Promise<ConnectResult> {
    if (this.connecting) throw new ApiError('failed', `Already connecting to ${this.connecting}; wait for it to finish`);
    if (this.open) {
      const { session } = this.open;
      throw new ApiError('failed', `Already connected to ${session.probeCandidate.uniqueId} (${session.target.definition.name}); disconnect first`);
    }
    if (request.preset !== undefined && !request.uid.startsWith(SIM_PREFIX)) {
      throw new ApiError('invalid-params', `preset '${request.preset}' applies only to simulated probes (${SIM_PREFIX}…), not to ${request.uid}`);
    }
    this.connecting = request.uid;
    this.lastRequest = request;
    this.state.connection.set({ phase: 'connecting', probe: request.uid, ...(request.target ? { target: request.target } : {}) });
    try {
      await this.closing;
      const defaults = this.options.defaults ?? {};
      const sessionOptions = {
        // A person watches this target: a simulated board runs in real time between the UI's polls.
        'sim.real_time': 'true',
        ...defaults.sessionOptions,
        ...(request.preset !== undefined ? { 'sim.preset': request.preset } : {}),
        ...(request.connectMode !== undefined ? { connect_mode: request.connectMode } : {}),
      };
      const { session, warnings } = await openSession(
        { ...defaults, uid: request.uid, target: request.target, frequency: request.frequency, sessionOptions },
        this.options.openTransport ? { openTransport: this.options.openTransport } : {},
      );
      this.adopt(session);
      for (const warning of warnings) log.warn(warning);
      const result = { probe: session.probeCandidate.uniqueId, target: session.target.definition.name, warnings };
      log.info(`connected to ${result.target} through ${result.probe}`);
      return result;
    } catch (error) {
      this.state.connection.set({ phase: 'disconnected' });
      throw new ApiError('failed', `Cannot connect to ${request.uid}: ${messageOf(error)}`);
    } finally {
      this.connecting = undefined;
    }
  }

  /** Connects again with the request of the session that was lost (or last opened). */
  reconnect(): Promise<ConnectResult> {
    if (!this.lastRequest) throw new ApiError('failed', 'Nothing to reconnect to: no session was opened yet');
    return this.connect(this.lastRequest);
  }

  /** Closes the session; also clears a `lost` connection. Does nothing when nothing is open. */
  async disconnect(): Promise<void> {
    if (this.connecting) throw new ApiError('failed', `Still connecting to ${this.connecting}; disconnect when it has finished`);
    const open = this.release();
    this.state.connection.set({ phase: 'disconnected' });
    if (!open) return;
    try {
      await open.session.close();
      log.info(`disconnected from ${open.session.probeCandidate.uniqueId}`);
    } catch (error) {
      if (!isConnectionLoss(error)) throw new ApiError('failed', `Disconnecting failed: ${messageOf(error)}`);
      log.warn(`the probe was already gone while disconnecting: ${messageOf(error)}`);
    }
  }

  /**
   * Runs a front end's action on the open session, then reads the core state back. A probe that
   * went away during it ends the session as `lost`; every failure reaches the caller as ApiError.
   */
  async act<T>(action: string, body: (session: Session) => Promise<T>): Promise<T> {
    const open = this.require(action);
    let result: T;
    try {
      result = await body(open.session);
    } catch (error) {
      if (isConnectionLoss(error)) {
        this.lose(open, error);
        throw new ApiError('failed', `${action} failed: the connection to the probe was lost (${messageOf(error)})`);
      }
      await open.tracker.refresh();
      throw new ApiError('failed', `${action} failed: ${messageOf(error)}`);
    }
    await open.tracker.refresh();
    return result;
  }

  /** Stops polling and closes any session (the host is shutting down). */
  async dispose(): Promise<void> {
    await this.disconnect().catch(() => undefined);
    await this.closing;
  }

  private require(action: string): Open {
    if (this.open) return this.open;
    const phase = this.state.connection.get().phase;
    throw new ApiError('failed', phase === 'lost' ? `Cannot ${action}: the probe connection was lost; reconnect first` : `Cannot ${action}: not connected to a target; connect first`);
  }

  private adopt(session: Session): void {
    const tracker = new CoreStateTracker(session, {
      publish: (core) => {
        if (this.open?.session === session) this.state.target.set(core);
      },
      onLoss: (error) => {
        if (this.open?.session === session) this.lose(this.open, error);
      },
      intervalMs: this.options.pollIntervalMs,
    });
    // A session closed by another front end (a console `disconnect`) ends ours too.
    const offConnection = session.events.on('connection', ({ connected }) => {
      if (!connected && this.open?.session === session) {
        this.release();
        this.state.connection.set({ phase: 'disconnected' });
      }
    });
    this.open = { session, console: new CommandConsole(session), tracker, offConnection };
    this.state.connection.set({ phase: 'connected', probe: session.probeCandidate.uniqueId, target: session.target.definition.name });
    tracker.start();
    void tracker.refresh();
  }

  /** Forgets the open session and stops following it; returns what was open. */
  private release(): Open | undefined {
    const open = this.open;
    this.open = undefined;
    if (!open) return undefined;
    open.tracker.stop();
    open.offConnection();
    this.state.target.set(DISCONNECTED_CORE);
    return open;
  }

  private lose(open: Open, error: unknown): void {
    if (this.open !== open) return;
    const { session } = open;
    const target = session.target.definition.name;
    this.release();
    const reason = messageOf(error);
    log.warn(`lost the connection to ${session.probeCandidate.uniqueId}: ${reason}`);
    this.state.connection.set({ phase: 'lost', probe: session.probeCandidate.uniqueId, target, reason });
    // Closing talks to a probe that may be gone; it fails fast or times out, never blocking the UI.
    this.closing = session.close({ resume: false }).catch(() => undefined);
  }
}
