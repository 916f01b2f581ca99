/**
 * Opening a session from the settings every front end shares (the CLI's global options, the
 * commander's, the UI's connect dialog): probe choice, target, frequency, project directory,
 * config file and `-O` options. Dedicated flags become the options they stand for
 * (`-t` → target_override, `-f` → frequency), so precedence stays CLI > config > defaults.
 */
import { Session, type SessionCreateOptions } from './session';
import { selectProbe } from './probe-selection';

export interface SessionRequest {
  readonly uid?: string;
  readonly target?: string;
  readonly frequency?: number;
  readonly project?: string;
  /** Config file path, or false for `--no-config`. */
  readonly config?: string | false;
  /** `-O name=value` settings, as text. */
  readonly sessionOptions?: Readonly<Record<string, string>>;
}

/** Chooses the probe, resolves options, opens and connects. The caller closes the session. */
export async function openSession(request: SessionRequest, extra: Omit<SessionCreateOptions, 'cli' | 'projectDir' | 'configFile'> = {}): Promise<{ session: Session; warnings: string[] }> {
  const cli: Record<string, unknown> = { ...(request.sessionOptions ?? {}) };
  if (request.target !== undefined) cli.target_override = request.target;
  if (request.frequency !== undefined) cli.frequency = request.frequency;
  const sim = {
    preset: typeof cli['sim.preset'] === 'string' ? (cli['sim.preset'] as string) : undefined,
  };
  const { probe, warnings } = await selectProbe(request.uid, { sim });
  const session = new Session(
    { uniqueId: probe.uniqueId, description: probe.description },
    { ...extra, cli, projectDir: request.project, configFile: request.config },
  );
  await session.open();
  return { session, warnings };
}
