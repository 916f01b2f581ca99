// `probedesk serve [--port N]`: the workstation in a browser, served from this machine only.
import type { RegisterCommand } from '../command-spec';
import { parsePort, runBrowserHost } from '../launch/run-browser-host';

export const registerServe: RegisterCommand = (registry) =>
  registry.add<{ port: number }>({
    name: 'serve',
    summary: 'serve the workstation UI and API on 127.0.0.1 for a browser (prints the URL)',
    configure: (command) => command.option('-p, --port <port>', 'TCP port; 0 picks a free one', parsePort, 0),
    run: (context) => runBrowserHost(context, context.options.port),
  });
