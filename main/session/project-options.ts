/**
 * Resolving a session's options and project directory (pyOCD's semantics): the project
 * directory is `-j`/`project_dir`, else the working directory; the config file is `--config`
 * (relative to the working directory), none with `--no-config`, else the first of
 * probedesk.yaml / .probedesk.yaml found in the project directory. Relative paths in options
 * (`user_script`, flash algorithms) are resolved against the project directory.
 */
import { isAbsolute, resolve } from 'node:path';
import { findConfigFile, loadConfigFile } from './config-file';
import { parseOptionText } from './option-definition';
import { OptionRegistry } from './option-registry';
import { SessionOptions } from './session-options';

export interface SessionOptionsRequest {
  /** Command-line values: text from `-O name=value`, or typed values from dedicated flags. */
  readonly cli?: Readonly<Record<string, unknown>>;
  /** `-j DIR`. */
  readonly projectDir?: string;
  /** `--config FILE`, or `false` for `--no-config`. */
  readonly configFile?: string | false;
  readonly cwd?: string;
  readonly registry?: OptionRegistry;
}

export interface ResolvedSessionOptions {
  readonly options: SessionOptions;
  readonly projectDir: string;
  /** The config file read, if any. */
  readonly configPath?: string;
}

function cliValue(registry: OptionRegistry, cli: Readonly<Record<string, unknown>>, name: string): unknown {
  const value = cli[name];
  return typeof value === 'string' ? parseOptionText(registry.require(name), value) : value;
}

export function resolveSessionOptions(request: SessionOptionsRequest = {}): ResolvedSessionOptions {
  const registry = request.registry ?? new OptionRegistry();
  const cwd = request.cwd ?? process.cwd();
  const cli: Record<string, unknown> = { ...(request.cli ?? {}) };
  if (request.projectDir !== undefined) cli.project_dir = request.projectDir;
  if (request.configFile === false) cli.no_config = true;
  else if (request.configFile !== undefined) cli.config_file = request.configFile;

  const projectDir = resolve(cwd, (cliValue(registry, cli, 'project_dir') as string | undefined) || '.');
  if (cli.project_dir !== undefined) cli.project_dir = projectDir;
  const noConfig = cliValue(registry, cli, 'no_config') === true;
  const explicit = cliValue(registry, cli, 'config_file') as string | undefined;
  const configPath = noConfig ? undefined : explicit ? resolve(cwd, explicit) : findConfigFile(projectDir);
  const contents = configPath ? loadConfigFile(configPath, registry) : undefined;
  const options = new SessionOptions(registry, { cli, config: contents?.config, probes: contents?.probes });
  return { options, projectDir, configPath };
}

/** `path` as an absolute path, relative ones taken from the project directory. */
export function resolveProjectPath(projectDir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(projectDir, path);
}
