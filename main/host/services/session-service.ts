// Connecting and run control, all through the one SessionHost: session.connect/reconnect/disconnect
// and target.halt/resume/step/reset.
import { probeDeskApi } from '../../../shared/api/probedesk-api';
import type { CoreSightTarget } from '../../target/coresight-target';
import type { SessionHost } from '../session-host';
import { defineService } from '../router';

export function sessionService(host: SessionHost) {
  const control = async (action: string, run: (target: CoreSightTarget) => Promise<unknown>): Promise<null> => {
    await host.act(action, (session) => run(session.target));
    return null;
  };
  return defineService(probeDeskApi, {
    name: 'session',
    methods: {
      'session.connect': (request) => host.connect(request),
      'session.reconnect': () => host.reconnect(),
      'session.disconnect': async () => {
        await host.disconnect();
        return null;
      },
      'target.halt': () => control('halt', (target) => target.halt()),
      'target.resume': () => control('resume', (target) => target.resume()),
      'target.step': () => control('step', (target) => target.step()),
      'target.reset': ({ halt, type }) =>
        host.act(halt ? 'reset and halt' : 'reset', async (session) => ({ type: await session.target.reset(type, { halt: halt ?? false }) })),
    },
  });
}
