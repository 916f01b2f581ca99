/**
 * What `probedesk info` shows about a connected session: the probe, the DP, the APs, the ROM
 * table components (by name) and the cores. Plain data, so it prints as text or JSON alike.
 */
import { jep106Name } from '../coresight/jep106';
import { flattenComponents } from '../coresight/rom-table';
import type { CoreState } from '../coresight/cortex-m/core-state';
import type { Session } from './session';

const hex = (v: number): string => `0x${(v >>> 0).toString(16).padStart(8, '0')}`;

export interface TargetInfo {
  readonly probe: {
    readonly uniqueId: string;
    readonly description: string;
    readonly vendor?: string;
    readonly product?: string;
    readonly firmwareVersion?: string;
    readonly protocolVersion?: string;
    readonly packetSize: number;
    readonly packetCount: number;
  };
  readonly target: { readonly name: string; readonly part: string; readonly vendor: string };
  readonly dp: { readonly dpidr: string; readonly version: number; readonly partNo: number; readonly designer: string } | undefined;
  readonly aps: readonly { readonly apsel: number; readonly idr: string; readonly description: string }[];
  readonly components: readonly { readonly apsel: number; readonly address: string; readonly name: string; readonly designer: string }[];
  readonly cores: readonly {
    readonly number: number;
    readonly name: string;
    readonly architecture: string;
    readonly revision: string;
    readonly fpu: string;
    readonly hardwareBreakpoints: number;
    readonly watchpoints: number;
    readonly state: CoreState;
  }[];
}

export async function collectTargetInfo(session: Session): Promise<TargetInfo> {
  return session.run('info', async () => {
    const target = session.target;
    const info = session.probe.info;
    const dpidr = target.dpidr;
    const cores = [];
    for (const core of target.cores) {
      const fpu = core.fpu;
      cores.push({
        number: core.coreNumber,
        name: core.name,
        architecture: core.cpuid.architecture,
        revision: core.cpuid.revisionString,
        fpu: fpu.present ? (fpu.doublePrecision ? 'FPv5 double precision' : 'single precision') : 'none',
        hardwareBreakpoints: core.hardwareBreakpointCount,
        watchpoints: core.watchpointCount,
        state: await core.getState(),
      });
    }
    return {
      probe: {
        uniqueId: session.probeCandidate.uniqueId,
        description: session.probeCandidate.description,
        vendor: info.vendor,
        product: info.product,
        firmwareVersion: info.firmwareVersion,
        protocolVersion: info.protocolVersion,
        packetSize: info.packetSize,
        packetCount: info.packetCount,
      },
      target: { name: target.definition.name, part: target.definition.part, vendor: target.definition.vendor },
      dp: dpidr && { dpidr: hex(dpidr.raw), version: dpidr.version, partNo: dpidr.partNo, designer: jep106Name(dpidr.designer) },
      aps: [...target.aps.values()].map((ap) => ({ apsel: ap.apsel, idr: hex(ap.idr.raw), description: ap.description })),
      components: target.components.flatMap((entry) =>
        flattenComponents(entry.root).map((c) => ({ apsel: entry.apsel, address: hex(c.address), name: c.id.name, designer: c.id.designerName })),
      ),
      cores,
    };
  });
}

/** The text form of `probedesk info`. */
export function formatTargetInfo(info: TargetInfo): string {
  const lines = [
    `Probe:   ${info.probe.uniqueId}  ${info.probe.description}`,
    `         ${[info.probe.vendor, info.probe.product, info.probe.firmwareVersion && `firmware ${info.probe.firmwareVersion}`, info.probe.protocolVersion && `CMSIS-DAP ${info.probe.protocolVersion}`].filter(Boolean).join(', ')}; packets ${info.probe.packetCount} x ${info.probe.packetSize} bytes`,
    `Target:  ${info.target.name} (${info.target.vendor} ${info.target.part})`,
    info.dp ? `DP:      DPIDR ${info.dp.dpidr}  DPv${info.dp.version}, part 0x${info.dp.partNo.toString(16)}, ${info.dp.designer}` : 'DP:      not identified',
    'APs:',
    ...info.aps.map((ap) => `  AP${ap.apsel}: IDR ${ap.idr}  ${ap.description}`),
    'Components:',
    ...info.components.map((c) => `  AP${c.apsel} ${c.address}  ${c.name} (${c.designer})`),
    'Cores:',
    ...info.cores.map(
      (c) =>
        `  core ${c.number}: ${c.name} ${c.revision} (${c.architecture}), FPU ${c.fpu}, ${c.hardwareBreakpoints} hardware breakpoints, ${c.watchpoints} watchpoints, ${c.state}`,
    ),
  ];
  return lines.join('\n');
}
