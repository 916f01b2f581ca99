import { DOMParser } from '@xmldom/xmldom';
import type { GdbRemoteClient } from './gdb-remote-client';
import { hexLittleEndianToU32 } from './gdb-remote-client';
import { ALL_REGISTERS, type RegisterFile, type RegisterName } from './register-file';

/**
 * QEMU's side of the differential test: reads the target description, then single-steps and
 * reads registers over the gdbstub.
 *
 * What QEMU 7.2 (Debian bookworm) shows for M-profile, found by reading its target.xml:
 * feature org.gnu.gdb.arm.m-profile with r0-r12, sp, lr, pc (regnums 0-15) and xpsr (regnum 25),
 * org.gnu.gdb.arm.vfp on the Cortex-M4 and an empty org.qemu.gdb.arm.sys.regs. It has no
 * org.gnu.gdb.arm.m-system feature (msp, psp, primask, basepri, faultmask, control); that came
 * with later QEMU releases. Registers are read by name from whatever the description offers, so
 * a QEMU that has the m-system feature gets those compared too.
 */

export interface TargetRegister {
  readonly name: string;
  readonly regnum: number;
  readonly bitsize: number;
}

/** Parses a target description document, following its xi:include elements through `fetch`. */
export async function readTargetDescription(fetch: (annex: string) => Promise<string>): Promise<TargetRegister[]> {
  const registers: TargetRegister[] = [];
  let next = 0;
  const visit = async (annex: string): Promise<void> => {
    const doc = new DOMParser().parseFromString(await fetch(annex), 'text/xml');
    const walk = async (node: Node): Promise<void> => {
      for (let child = node.firstChild; child !== null; child = child.nextSibling) {
        if (child.nodeType !== 1) continue;
        const el = child as Element;
        if (el.nodeName === 'xi:include') {
          await visit(el.getAttribute('href') ?? '');
        } else if (el.nodeName === 'reg') {
          const regnumText = el.getAttribute('regnum');
          const regnum = regnumText !== null && regnumText !== '' ? Number(regnumText) : next;
          registers.push({ name: el.getAttribute('name') ?? '', regnum, bitsize: Number(el.getAttribute('bitsize')) });
          next = regnum + 1;
        } else {
          await walk(el);
        }
      }
    };
    await walk(doc);
  };
  await visit('target.xml');
  return registers;
}

/**
 * QEMU's gdbstub stepping flags (gdbstub.c, `qqemu.sstep`): bit 0 enables stepping, bit 1
 * (NOIRQ) keeps interrupts from being taken while stepping, bit 2 (NOTIMER) stops the timers.
 * The default 0x7 would never take PendSV or an NVIC interrupt pended by the program, so the
 * harness clears NOIRQ. The corpus uses no timers, so NOTIMER stays.
 */
export const QEMU_SSTEP_WITH_INTERRUPTS = 0x5;

export class QemuTarget {
  private constructor(
    private readonly client: GdbRemoteClient,
    private readonly regnums: ReadonlyMap<RegisterName, number>,
  ) {}

  /** Reads the target description (which also makes QEMU answer `p`) and sets the stepping mode. */
  static async attach(client: GdbRemoteClient): Promise<QemuTarget> {
    await client.request('qSupported:xmlRegisters=arm');
    const description = await readTargetDescription((annex) => client.readXfer('features', annex));
    const regnums = new Map<RegisterName, number>();
    for (const reg of description) {
      if ((ALL_REGISTERS as readonly string[]).includes(reg.name) && reg.bitsize === 32) regnums.set(reg.name as RegisterName, reg.regnum);
    }
    for (const required of ['r0', 'sp', 'lr', 'pc', 'xpsr'] as const) {
      if (!regnums.has(required)) throw new Error(`QEMU's target description has no 32-bit register '${required}'`);
    }
    const reply = await client.request(`Qqemu.sstep=${QEMU_SSTEP_WITH_INTERRUPTS.toString(16)}`);
    if (reply !== 'OK') throw new Error(`QEMU refused Qqemu.sstep=${QEMU_SSTEP_WITH_INTERRUPTS}: '${reply}'`);
    return new QemuTarget(client, regnums);
  }

  /** The registers this QEMU shows. */
  get shownRegisters(): ReadonlySet<RegisterName> {
    return new Set(this.regnums.keys());
  }

  /** Reads target memory (at most 2 KiB per call: QEMU's PacketSize is 0x1000 hex digits). */
  readMemory(address: number, length: number): Promise<Uint8Array> {
    return this.client.readMemory(address, length);
  }

  async step(): Promise<void> {
    await this.client.step();
  }

  /** Reads r0-r15 with one `g` packet (they lead it in regnum order) and the rest with `p`. */
  async readRegisters(): Promise<RegisterFile> {
    const g = await this.client.request('g');
    if (g.length < 16 * 8) throw new Error(`QEMU's 'g' reply is too short (${g.length} hex digits): '${g}'`);
    const file: RegisterFile = {};
    for (const [name, regnum] of this.regnums) {
      file[name] = regnum < 16 ? hexLittleEndianToU32(g.slice(regnum * 8, regnum * 8 + 8)) : await this.client.readRegister(regnum);
    }
    return file;
  }
}
