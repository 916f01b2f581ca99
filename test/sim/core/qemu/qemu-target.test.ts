import { describe, expect, it } from 'vitest';
import { readTargetDescription } from './qemu-target';

describe('readTargetDescription', () => {
  it('follows xi:include and numbers registers from regnum or from the previous register', async () => {
    const documents: Record<string, string> = {
      'target.xml':
        '<?xml version="1.0"?><!DOCTYPE target SYSTEM "gdb-target.dtd"><target><architecture>arm</architecture><xi:include href="arm-m-profile.xml"/><xi:include href="m-system.xml"/></target>',
      'arm-m-profile.xml':
        '<feature name="org.gnu.gdb.arm.m-profile"><reg name="r0" bitsize="32"/><reg name="r1" bitsize="32"/><reg name="pc" bitsize="32" regnum="15"/><reg name="xpsr" bitsize="32" regnum="25"/></feature>',
      'm-system.xml': '<feature name="org.gnu.gdb.arm.m-system"><reg name="msp" bitsize="32" regnum="91"/><reg name="psp" bitsize="32"/></feature>',
    };
    const fetched: string[] = [];
    const regs = await readTargetDescription(async (annex) => {
      fetched.push(annex);
      return documents[annex]!;
    });
    expect(fetched).toEqual(['target.xml', 'arm-m-profile.xml', 'm-system.xml']);
    expect(regs.map((r) => [r.name, r.regnum])).toEqual([
      ['r0', 0],
      ['r1', 1],
      ['pc', 15],
      ['xpsr', 25],
      ['msp', 91],
      ['psp', 92],
    ]);
  });
});
