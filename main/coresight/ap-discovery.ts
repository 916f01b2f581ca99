/**
 * Builds AccessPort objects for every AP found on a DP; MEM-APs (IDR class 0x8, ADIv5.2
 * C1.2.2) become initialised MemAp instances (runtime: plain Node).
 */
import { AccessPort, ApClass, scanAccessPorts } from './access-port';
import type { DebugPort } from './debug-port';
import { MemAp } from './mem-ap';

export async function discoverAccessPorts(dp: DebugPort): Promise<AccessPort[]> {
  const aps: AccessPort[] = [];
  for (const { apsel, idr } of await scanAccessPorts(dp)) {
    aps.push(idr.apClass === ApClass.MemAp ? await MemAp.create(dp, apsel, idr) : new AccessPort(dp, apsel, idr));
  }
  return aps;
}
