// `probedesk info [-u UID] [-t TARGET]`: connects and prints the probe, the DP, the APs, the ROM
// table components and the cores, by name.
import { openSession } from '../../session/open-session';
import { collectTargetInfo, formatTargetInfo } from '../../session/target-info';
import type { RegisterCommand } from '../command-spec';

export const registerInfo: RegisterCommand = (registry) =>
  registry.add({
    name: 'info',
    summary: 'connect and describe the probe, debug port, access ports, ROM table components and cores',
    run: async (context) => {
      const { session, warnings } = await openSession({ ...context.globals, sessionOptions: context.globals.sessionOptions });
      for (const warning of warnings) context.log.debug(warning);
      try {
        const info = await collectTargetInfo(session);
        context.output.result(info, formatTargetInfo);
      } finally {
        await session.close();
      }
    },
  });
