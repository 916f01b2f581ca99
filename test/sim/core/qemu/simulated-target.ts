import { BusMaster } from '../../../../main/sim/bus/bus-types';
import { MemorySlave, SystemBus } from '../../../../main/sim/bus/system-bus';
import { VirtualClock } from '../../../../main/sim/clock/virtual-clock';
import { CortexM } from '../../../../main/sim/core/cortex-m';
import type { CorpusMachine } from './corpus-machines';
import type { ElfImage } from './elf-image';
import type { LockstepTarget } from './lockstep';
import type { RegisterFile } from './register-file';

/**
 * Our side of the differential test: a SystemBus with the QEMU machine's memories, the ELF's
 * PT_LOAD segments copied in at their physical addresses (as QEMU's -kernel loader does), and a
 * CortexM of the matching model, reset and single-stepped. Registers are read with the DCRSR
 * numbering (ARMv7-M C1.6.3): 0-15, 16 xPSR, 17 MSP, 18 PSP, 20 CONTROL/FAULTMASK/BASEPRI/PRIMASK.
 */
export class SimulatedTarget implements LockstepTarget {
  readonly bus = new SystemBus();
  readonly core: CortexM;
  readonly log: string[] = [];

  constructor(machine: CorpusMachine, image: ElfImage, fileName: string) {
    const memories = machine.memories.map((m) => {
      const slave = new MemorySlave(m.name, m.size, m.writable);
      this.bus.map(m.base, m.size, slave);
      return { ...m, slave };
    });
    for (const segment of image.segments) {
      const start = segment.physicalAddress;
      const end = start + segment.data.length;
      const memory = memories.find((m) => start >= m.base && end <= m.base + m.size);
      if (memory === undefined) {
        throw new Error(`${fileName}: segment at 0x${start.toString(16)} (${segment.data.length} bytes) lies outside the ${machine.qemuMachine} memories`);
      }
      memory.slave.directBytes.set(segment.data, start - memory.base);
      this.bus.notifyChanged(start, segment.data.length);
    }
    this.core = new CortexM({
      model: machine.coreModel,
      bus: this.bus,
      clock: new VirtualClock(),
      frequencyHz: machine.frequencyHz,
      irqCount: machine.irqCount,
      log: (message) => this.log.push(message),
    });
    this.core.powerOnReset();
  }

  step(): void {
    this.core.step();
  }

  readRegisters(): RegisterFile {
    const file: RegisterFile = {};
    const names = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'sp', 'lr', 'pc', 'xpsr', 'msp', 'psp'] as const;
    names.forEach((name, regsel) => {
      file[name] = this.core.readRegister(regsel) >>> 0;
    });
    const special = this.core.readRegister(20);
    file.control = (special >>> 24) & 0xff;
    file.faultmask = (special >>> 16) & 0xff;
    file.basepri = (special >>> 8) & 0xff;
    file.primask = special & 0xff;
    return file;
  }

  /** Bytes as the debugger sees them; an error naming the address where nothing answers. */
  readMemory(address: number, length: number): Uint8Array {
    const bytes = this.bus.readBytes(address, length);
    if (bytes === undefined) throw new Error(`simulated system: no memory answers in [0x${address.toString(16)}, +${length})`);
    return bytes;
  }

  /** One halfword of memory as the debugger sees it (0 where nothing answers). */
  readHalfword(address: number): number {
    return Math.max(0, this.bus.read(address, 2, BusMaster.Debug));
  }

  readWord(address: number): number {
    return Math.max(0, this.bus.read(address, 4, BusMaster.Debug)) >>> 0;
  }
}
