import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { requireTools } from '../../../support/require-tool';
import { buildProgram, listCorpus } from './corpus-build';
import { corpusMachines } from './corpus-machines';
import { parseElf } from './elf-image';
import { comparedRegisters, runLockstep } from './lockstep';
import { QemuGdbSession } from './qemu-gdb-session';
import { QemuTarget } from './qemu-target';

/**
 * Checks the harness and the corpus without our core: two QEMU processes run each program in lock
 * step and must agree at every step. This proves that every program builds, runs from reset to
 * test_done without an unexpected exception, and is deterministic under single-stepping (no
 * timer or board peripheral leaks into it), so any divergence the differential test reports is
 * the simulated core's.
 */

const toolsPresent = requireTools([
  { command: 'arm-none-eabi-gcc', aptPackage: 'gcc-arm-none-eabi' },
  { command: 'qemu-system-arm', aptPackage: 'qemu-system-arm' },
]);

describe.skipIf(!toolsPresent)('QEMU against itself on the corpus', () => {
  for (const program of listCorpus()) {
    const machine = corpusMachines[program.arch];
    it(`${program.arch}/${program.name} runs from reset to test_done identically on two QEMU ${machine.qemuMachine} instances`, async () => {
      const built = await buildProgram(program);
      const image = parseElf(readFileSync(built.elfPath), built.elfPath);
      const code = image.segments.find((s) => s.physicalAddress === 0)!.data;
      const view = new DataView(code.buffer, code.byteOffset, code.byteLength);
      const launch = { machine: machine.qemuMachine, cpu: machine.qemuCpu, elfPath: built.elfPath, replyTimeoutMs: 5_000 };
      const sessions: QemuGdbSession[] = [];
      try {
        sessions.push(await QemuGdbSession.start(launch));
        sessions.push(await QemuGdbSession.start(launch));
        const left = await QemuTarget.attach(sessions[0]!.client);
        const right = await QemuTarget.attach(sessions[1]!.client);
        const result = await runLockstep(
          left,
          right,
          {
            label: `${program.arch}/${program.name}`,
            fileName: built.elfPath,
            image,
            readHalfword: (a) => view.getUint16(a, true),
            readWord: (a) => view.getUint32(a, true),
          },
          { maxSteps: 20_000, compared: comparedRegisters(right.shownRegisters) },
        );
        expect(result.foldedEntries).toBe(0);
        expect(result.steps).toBeGreaterThan(20);
      } finally {
        await Promise.all(sessions.map((s) => s.close()));
      }
    }, 120_000);
  }
});
