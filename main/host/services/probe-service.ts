// probe.list and target.list: what the toolbar's pickers offer.
import { probeDeskApi } from '../../../shared/api/probedesk-api';
import { listProbes, type ProbeListing } from '../../probe/discovery';
import { listSimulatedPresets } from '../../probe/sim/simulated-probes';
import { TargetRegistry } from '../../target/target-definition';
import { defineService } from '../router';

export interface ProbeServiceOptions {
  /** Discovery; the real one (USB and simulated probes) unless a test supplies one. */
  readonly listProbes?: () => Promise<ProbeListing>;
}

export function probeService(options: ProbeServiceOptions = {}) {
  const discover = options.listProbes ?? (() => listProbes());
  // Read once: the built-in definitions are files shipped with the app.
  let targets: TargetRegistry | undefined;
  return defineService(probeDeskApi, {
    name: 'probe',
    methods: {
      'probe.list': async () => {
        const { probes, warnings } = await discover();
        return {
          probes: probes.map(({ uniqueId, kind, vendorName, productName, description }) => ({ uniqueId, kind, vendorName, productName, description })),
          presets: listSimulatedPresets(),
          warnings,
        };
      },
      'target.list': () => {
        targets ??= new TargetRegistry();
        const registry = targets;
        return { targets: registry.names.map((name) => registry.require(name)).map(({ name, vendor, part }) => ({ name, vendor, part })) };
      },
    },
  });
}
