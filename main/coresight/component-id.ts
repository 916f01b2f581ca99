/**
 * CoreSight component identification (runtime: plain Node): the Component and Peripheral ID
 * registers at 0xFD0–0xFFC of every 4 KiB component (ADIv5.2 D1.2 "Component and Peripheral
 * Identification"; CoreSight Architecture v3 B2), DEVARCH at 0xFBC and DEVTYPE at 0xFCC.
 */
import { isArm, jep106Name, type Jep106Code } from './jep106';

/** CIDR1.CLASS values (ADIv5.2 D1.2.1). */
export const ComponentClass = {
  GenericVerification: 0x0,
  RomTable: 0x1,
  CoreSight: 0x9,
  PeripheralTestBlock: 0xb,
  GenericIp: 0xe,
  PrimeCell: 0xf,
} as const;

export interface ComponentId {
  readonly cidr: number;
  readonly componentClass: number;
  /** PIDR7..0 packed, PIDR4 in the high word. */
  readonly pidrHigh: number;
  readonly pidrLow: number;
  readonly designer: Jep106Code;
  readonly designerName: string;
  readonly partNumber: number;
  readonly revision: number;
  readonly revand: number;
  readonly cmod: number;
  /** log2 of the number of 4 KiB blocks the component occupies (PIDR4.SIZE). */
  readonly size4kLog2: number;
  /** DEVARCH (class 0x9 only): architect, present, revision, archid; undefined otherwise. */
  readonly devarch: number | undefined;
  readonly devtype: number | undefined;
  /** Short name (e.g. "SCS-M4", "DWT", "ROM table") or a generic description. */
  readonly name: string;
}

/** Arm part numbers of Cortex-M debug components (as used by debuggers such as pyOCD and OpenOCD). */
const ARM_PARTS = new Map<number, string>([
  [0x000, 'SCS-M3'],
  [0x001, 'ITM'],
  [0x002, 'DWT'],
  [0x003, 'FPB'],
  [0x008, 'SCS-M0'],
  [0x00a, 'DWT'],
  [0x00b, 'BPU'],
  [0x00c, 'SCS-M4'],
  [0x00e, 'FPB'],
  [0x471, 'ROM table (Cortex-M0)'],
  [0x4c0, 'ROM table (Cortex-M0+)'],
  [0x4c3, 'ROM table (Cortex-M3)'],
  [0x4c4, 'ROM table (Cortex-M4)'],
  [0x4c7, 'ROM table (Cortex-M7 PPB)'],
  [0x923, 'TPIU-M3'],
  [0x924, 'ETM-M3'],
  [0x925, 'ETM-M4'],
  [0x932, 'MTB-M0+'],
  [0x975, 'ETM-M7'],
  [0x9a1, 'TPIU-M4'],
  [0x9a9, 'TPIU-M7'],
]);

/** DEVARCH.ARCHID of Arm-architected components (CoreSight v3 / ARMv8-M). */
const ARM_ARCHIDS = new Map<number, string>([
  [0x0af7, 'ROM table'],
  [0x1a01, 'ITM'],
  [0x1a02, 'DWT'],
  [0x1a03, 'FPB'],
  [0x2a04, 'SCS'],
  [0x4a13, 'ETM'],
]);

/** Reassembles CIDR from CIDR0..3 (one byte each) and checks the preamble 0xB105_000D. */
export function decodeCidr(bytes: readonly number[]): { cidr: number; componentClass: number; valid: boolean } {
  const cidr = ((bytes[0]! & 0xff) | ((bytes[1]! & 0xff) << 8) | ((bytes[2]! & 0xff) << 16) | ((bytes[3]! & 0xff) << 24)) >>> 0;
  return { cidr, componentClass: (cidr >>> 12) & 0xf, valid: (cidr & 0xffff0fff) >>> 0 === 0xb105000d };
}

/**
 * Decodes the twelve words read from 0xFD0..0xFFC (PIDR4..7, PIDR0..3, CIDR0..3) plus
 * DEVARCH/DEVTYPE when read.
 */
export function decodeComponentId(idWords: ArrayLike<number>, devarch?: number, devtype?: number): ComponentId {
  const b = (i: number): number => idWords[i]! & 0xff;
  const pidr = [b(4), b(5), b(6), b(7), b(0), b(1), b(2), b(3)];
  const { cidr, componentClass } = decodeCidr([b(8), b(9), b(10), b(11)]);
  const partNumber = pidr[0]! | ((pidr[1]! & 0xf) << 8);
  const designer: Jep106Code = { continuation: pidr[4]! & 0xf, identity: ((pidr[1]! >>> 4) & 0xf) | ((pidr[2]! & 0x7) << 4) };
  const usesDevarch = componentClass === ComponentClass.CoreSight && devarch !== undefined && (devarch & (1 << 20)) !== 0;
  return {
    cidr,
    componentClass,
    pidrHigh: (pidr[4]! | (pidr[5]! << 8) | (pidr[6]! << 16) | (pidr[7]! << 24)) >>> 0,
    pidrLow: (pidr[0]! | (pidr[1]! << 8) | (pidr[2]! << 16) | (pidr[3]! << 24)) >>> 0,
    designer,
    designerName: jep106Name(designer),
    partNumber,
    revision: pidr[2]! >>> 4,
    revand: pidr[3]! >>> 4,
    cmod: pidr[3]! & 0xf,
    size4kLog2: pidr[4]! >>> 4,
    devarch: usesDevarch ? devarch >>> 0 : undefined,
    devtype: componentClass === ComponentClass.CoreSight ? devtype : undefined,
    name: componentName(componentClass, designer, partNumber, usesDevarch ? devarch : undefined),
  };
}

function componentName(componentClass: number, designer: Jep106Code, partNumber: number, devarch: number | undefined): string {
  if (isArm(designer)) {
    const byPart = ARM_PARTS.get(partNumber);
    if (byPart) return byPart;
  }
  if (devarch !== undefined && devarch >>> 21 === 0x23b) {
    const byArch = ARM_ARCHIDS.get(devarch & 0xffff);
    if (byArch) return byArch;
  }
  if (componentClass === ComponentClass.RomTable) return 'ROM table';
  return `${jep106Name(designer)} part 0x${partNumber.toString(16).padStart(3, '0')} (class 0x${componentClass.toString(16)})`;
}
