/**
 * The core registers the differential test compares, named as GDB's M-profile target
 * descriptions name them (features org.gnu.gdb.arm.m-profile and org.gnu.gdb.arm.m-system), and
 * the side-by-side rendering of two register files printed at the first divergence.
 */

export const CORE_REGISTERS = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'sp', 'lr', 'pc', 'xpsr'] as const;
export const SYSTEM_REGISTERS = ['msp', 'psp', 'primask', 'basepri', 'faultmask', 'control'] as const;
export type RegisterName = (typeof CORE_REGISTERS)[number] | (typeof SYSTEM_REGISTERS)[number];

/** Register values by name; a target that cannot show a register leaves it out. */
export type RegisterFile = Partial<Record<RegisterName, number>>;

export const ALL_REGISTERS: readonly RegisterName[] = [...CORE_REGISTERS, ...SYSTEM_REGISTERS];

/** xPSR.IPSR, the number of the active exception (ARMv7-M B1.4.2). */
export function exceptionNumber(xpsr: number): number {
  return xpsr & 0x1ff;
}

const hex = (v: number | undefined): string => (v === undefined ? '    (n/a) ' : `0x${(v >>> 0).toString(16).padStart(8, '0')}`);

/**
 * Renders both register files side by side (with QEMU's values before the step, which both
 * targets agreed on), marking every compared register that differs. `compared` is the set the
 * harness checked at this point (see the harness for what it leaves out and why).
 */
export function formatSideBySide(before: RegisterFile, ours: RegisterFile, qemu: RegisterFile, compared: ReadonlySet<RegisterName>): string {
  const lines = ['register   before step  ours        qemu'];
  for (const name of ALL_REGISTERS) {
    if (ours[name] === undefined && qemu[name] === undefined) continue;
    const differs = compared.has(name) && ours[name] !== qemu[name];
    const note = compared.has(name) ? (differs ? '  <== differs' : '') : '  (not compared)';
    lines.push(`${name.padEnd(10)} ${hex(before[name])}   ${hex(ours[name])}  ${hex(qemu[name])}${note}`);
  }
  return lines.join('\n');
}
