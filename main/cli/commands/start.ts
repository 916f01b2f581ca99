// `probedesk start` (what `npm start` runs): builds what is stale, then opens the Electron app, or,
// where Electron's runtime is not installed, says so in one line and runs the browser host instead.
import { spawn } from 'node:child_process';
import { projectRoot } from '../../host/project-paths';
import type { CommandContext, RegisterCommand } from '../command-spec';
import { ensureBuilt } from '../launch/build-outputs';
import { findElectronRuntime } from '../launch/electron-runtime';
import { parsePort, runBrowserHost } from '../launch/run-browser-host';

interface StartOptions {
  browser?: boolean;
  port: number;
}

function runElectron(context: CommandContext<StartOptions>, electronPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    // Set by some tool environments; it would make the binary behave as plain Node.
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(electronPath, [projectRoot], { stdio: 'inherit', env });
    const stop = () => child.kill('SIGTERM');
    context.signal.addEventListener('abort', stop, { once: true });
    child.once('error', (error) => reject(new Error(`could not launch Electron (${electronPath}): ${error.message}`)));
    child.once('exit', (code, signal) => {
      context.signal.removeEventListener('abort', stop);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

export const registerStart: RegisterCommand = (registry) =>
  registry.add<StartOptions>({
    name: 'start',
    summary: 'open the workstation: the desktop app, or the browser host where Electron is not installed',
    configure: (command) =>
      command
        .option('--browser', 'use the browser host even when Electron is installed')
        .option('-p, --port <port>', 'browser host TCP port; 0 picks a free one', parsePort, 0),
    run: async (context) => {
      const runtime = context.options.browser ? undefined : findElectronRuntime();
      if (runtime?.found) {
        await ensureBuilt(['main', 'preload', 'renderer'], context.output.notice);
        return runElectron(context, runtime.path);
      }
      if (runtime) context.output.notice(`Electron runtime not installed: ${runtime.reason}; starting the browser host instead.`);
      return runBrowserHost(context, context.options.port);
    },
  });
