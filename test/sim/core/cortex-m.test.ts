import { describe, expect, it } from 'vitest';
import { assemble, createSystem, RAM_TOP, toolchainAvailable } from './test-system';

describe.skipIf(!toolchainAvailable)('CortexM execution', () => {
  it('resets from the vector table and runs a v6-M loop summing 1..10', () => {
    const image = assemble(
      'cortex-m0',
      `  .thumb_func
_start:
  movs r0, #0
  movs r1, #10
1:
  adds r0, r0, r1
  subs r1, #1
  bne 1b
  bkpt #1
`,
    );
    const { core, clock } = createSystem('cortex-m0', image);
    expect(core.readRegister(13)).toBe(RAM_TOP);
    core.runUntil(clock.now + 10_000);
    expect(core.readRegister(0)).toBe(55);
  });
});
