import { describe, expect, it } from 'vitest';
import { createBareSystem, RAM_TOP, toolchainAvailable } from './support/bare-system';

describe.skipIf(!toolchainAvailable)('CortexM execution', () => {
  it('resets from the vector table and runs a v6-M loop summing 1..10', () => {
    const { core, clock } = createBareSystem('cortex-m0', {
      body: `  .thumb_func
_start:
  movs r0, #0
  movs r1, #10
1:
  adds r0, r0, r1
  subs r1, #1
  bne 1b
  bkpt #1
`,
    });
    expect(core.readRegister(13)).toBe(RAM_TOP);
    core.runUntil(clock.now + 10_000);
    expect(core.readRegister(0)).toBe(55);
  });
});
