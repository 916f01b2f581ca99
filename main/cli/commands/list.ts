// `probedesk list [--json]`: every CMSIS-DAP probe on USB and the simulated probes, with a one-line
// warning when USB cannot be used (the simulated probes are still listed).
import { listProbes, type ProbeListing } from '../../probe/discovery';
import type { RegisterCommand } from '../command-spec';

function formatListing(listing: ProbeListing): string {
  if (listing.probes.length === 0) return 'No probes found.';
  const width = Math.max(...listing.probes.map((p) => p.uniqueId.length));
  return listing.probes.map((p, i) => `${String(i).padStart(2)}  ${p.uniqueId.padEnd(width)}  ${p.description}`).join('\n');
}

export const registerList: RegisterCommand = (registry) =>
  registry.add({
    name: 'list',
    summary: 'list the connected CMSIS-DAP probes and the simulated probes',
    run: async (context) => {
      const preset = context.globals.sessionOptions['sim.preset'];
      const listing = await listProbes({ sim: preset ? { preset } : undefined });
      for (const warning of listing.warnings) context.output.notice(`warning: ${warning}`);
      context.output.result(listing.probes, () => formatListing(listing));
    },
  });
