// Runs the browser host until the command's signal fires: builds the renderer if needed, starts the
// host on 127.0.0.1, prints the URL (JSON under --json), then waits.
import { InvalidArgumentError } from 'commander';
import { startBrowserHost } from '../../host/browser/browser-host';
import { createHostRouter } from '../../host/host-router';
import { rendererOutDir } from '../../host/project-paths';
import type { CommandContext } from '../command-spec';
import { ensureBuilt } from './build-outputs';

export async function runBrowserHost(context: CommandContext<unknown>, port: number): Promise<number> {
  const { output, signal } = context;
  await ensureBuilt(['renderer'], output.notice);
  // The UI's connections start from this run's -j, --config and -O, as every CLI session does.
  const { globals } = context;
  const { router, sessions } = createHostRouter('browser', {
    session: { defaults: { project: globals.project, config: globals.config, sessionOptions: globals.sessionOptions } },
  });
  const host = await startBrowserHost({ router, rendererDir: rendererOutDir, port });
  context.log.info(`browser host listening on 127.0.0.1:${host.port}`);
  output.result({ url: host.url }, ({ url }) => `ProbeDesk is running at ${url}\nOpen it in a browser; press Ctrl+C to stop.`);
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await host.close();
  // A session left open would keep its probe (and a simulated board's lock) past the host.
  await sessions.dispose();
  return 0;
}

/** Parses --port: 0 (any free port) to 65535. */
export function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new InvalidArgumentError('expected a port number from 0 (any free port) to 65535.');
  return port;
}
