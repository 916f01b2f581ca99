/**
 * Choosing the probe for a session from discovery's list, as pyOCD does: `-u UID` matches a
 * unique ID exactly or by unique prefix; without `-u`, the one connected USB probe is used, and
 * the choice is refused with the list when there are none or several.
 */
import { listProbes, type DiscoveryOptions, type ProbeDescription } from '../probe/discovery';

export class ProbeSelectionError extends Error {
  override name = 'ProbeSelectionError';
}

function listing(probes: readonly ProbeDescription[]): string {
  return probes.map((p) => `${p.uniqueId} (${p.description})`).join(', ') || 'none';
}

export function chooseProbe(probes: readonly ProbeDescription[], uid: string | undefined): ProbeDescription {
  if (uid !== undefined) {
    const exact = probes.find((p) => p.uniqueId === uid);
    if (exact) return exact;
    const byPrefix = probes.filter((p) => p.uniqueId.startsWith(uid));
    if (byPrefix.length === 1) return byPrefix[0]!;
    if (byPrefix.length > 1) throw new ProbeSelectionError(`Unique ID "${uid}" matches several probes: ${listing(byPrefix)}`);
    throw new ProbeSelectionError(`No probe with unique ID "${uid}"; available probes: ${listing(probes)}`);
  }
  const real = probes.filter((p) => p.kind !== 'simulated');
  if (real.length === 1) return real[0]!;
  if (real.length === 0) {
    throw new ProbeSelectionError(`No USB probe connected; choose a simulated one with -u: ${listing(probes)}`);
  }
  throw new ProbeSelectionError(`Several probes connected; choose one with -u: ${listing(real)}`);
}

/** Lists the probes (with warnings such as USB being unavailable) and picks one. */
export async function selectProbe(uid: string | undefined, discovery: DiscoveryOptions = {}): Promise<{ probe: ProbeDescription; warnings: string[] }> {
  const usb = discovery.usb ?? !(uid?.startsWith('sim:') ?? false);
  const found = await listProbes({ ...discovery, usb });
  return { probe: chooseProbe(found.probes, uid), warnings: found.warnings };
}
