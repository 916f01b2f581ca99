/**
 * CPUID decoding (ARMv7-M ARM B3.2.3, ARMv6-M ARM B3.2.2): implementer, variant, part number and
 * revision, and the core's name and architecture from the part numbers Arm's TRMs give.
 */

/** The architecture profile a core implements; it decides which debug features exist. */
export type ArchitectureVersion = 'ARMv6-M' | 'ARMv7-M' | 'ARMv8-M Baseline' | 'ARMv8-M Mainline' | 'ARMv8.1-M Mainline';

export interface CpuidInfo {
  readonly raw: number;
  readonly implementer: number;
  readonly variant: number;
  /** CPUID.ARCHITECTURE: 0xC for ARMv6-M, 0xF for ARMv7-M and later (B3.2.3). */
  readonly architectureField: number;
  readonly partNumber: number;
  readonly revision: number;
  /** "Cortex-M4", or "Unknown Cortex-M (0xNNN)" for a part number not in the table. */
  readonly name: string;
  readonly architecture: ArchitectureVersion;
  /** "r0p1" style revision string from VARIANT and REVISION. */
  readonly revisionString: string;
}

const ARM_IMPLEMENTER = 0x41;

/** Arm part numbers from each core's Technical Reference Manual (CPUID register description). */
const KNOWN_PARTS: ReadonlyMap<number, { name: string; architecture: ArchitectureVersion }> = new Map([
  [0xc20, { name: 'Cortex-M0', architecture: 'ARMv6-M' }],
  [0xc60, { name: 'Cortex-M0+', architecture: 'ARMv6-M' }],
  [0xc21, { name: 'Cortex-M1', architecture: 'ARMv6-M' }],
  [0xc23, { name: 'Cortex-M3', architecture: 'ARMv7-M' }],
  [0xc24, { name: 'Cortex-M4', architecture: 'ARMv7-M' }],
  [0xc27, { name: 'Cortex-M7', architecture: 'ARMv7-M' }],
  [0xd20, { name: 'Cortex-M23', architecture: 'ARMv8-M Baseline' }],
  [0xd21, { name: 'Cortex-M33', architecture: 'ARMv8-M Mainline' }],
  [0xd31, { name: 'Cortex-M35P', architecture: 'ARMv8-M Mainline' }],
  [0xd22, { name: 'Cortex-M55', architecture: 'ARMv8.1-M Mainline' }],
  [0xd23, { name: 'Cortex-M85', architecture: 'ARMv8.1-M Mainline' }],
]);

export function decodeCpuid(raw: number): CpuidInfo {
  const value = raw >>> 0;
  const implementer = value >>> 24;
  const variant = (value >>> 20) & 0xf;
  const architectureField = (value >>> 16) & 0xf;
  const partNumber = (value >>> 4) & 0xfff;
  const revision = value & 0xf;
  const known = implementer === ARM_IMPLEMENTER ? KNOWN_PARTS.get(partNumber) : undefined;
  const architecture: ArchitectureVersion = known?.architecture ?? (architectureField === 0xc ? 'ARMv6-M' : 'ARMv7-M');
  const name = known?.name ?? `Unknown Cortex-M (implementer 0x${implementer.toString(16)}, part 0x${partNumber.toString(16)})`;
  return {
    raw: value,
    implementer,
    variant,
    architectureField,
    partNumber,
    revision,
    name,
    architecture,
    revisionString: `r${variant}p${revision}`,
  };
}

/** ARMv6-M and ARMv8-M Baseline lack VECTRESET, FPB v2 range, DWT ranges and most vector catches. */
export function isBaseline(architecture: ArchitectureVersion): boolean {
  return architecture === 'ARMv6-M' || architecture === 'ARMv8-M Baseline';
}
