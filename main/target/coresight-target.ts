/**
 * The target MCU as a debugger sees it (pyOCD's CoreSightTarget): the debug port `dp`, the
 * access ports `aps` (keyed by APSEL), the ROM table components, the Cortex-M `cores` and the
 * `memoryMap`. Connecting runs the init sequence, a CallSequence of named steps that a
 * `willInitTarget` delegate may change:
 *
 *   pre_connect       connect_mode under-reset holds nRESET; pre-reset pulses it
 *   dp_init           SWD select, DPIDR, sticky clear, power-up (DebugPort.connect)
 *   unlock_device     the unlock hook: DP only, before discovery
 *   discover_aps      AP discovery (IDR scan); MEM-APs initialised
 *   find_components   ROM table walk on every MEM-AP
 *   create_cores      a CortexM for each MEM-AP whose ROM table lists an SCS
 *   start_debug_cores identify the core, enable halting debug (with the start_debug_core hooks)
 *   halt_on_connect   halt (halt), or catch the reset vector as nRESET is released (under-reset)
 *   post_connect      vector catch and default reset type from the session options
 */
import type { AccessPort } from '../coresight/access-port';
import { discoverAccessPorts } from '../coresight/ap-discovery';
import { CortexM } from '../coresight/cortex-m/cortex-m';
import type { CoreState } from '../coresight/cortex-m/core-state';
import type { HardwareResetLine } from '../coresight/cortex-m/hardware-reset-line';
import type { ResetType } from '../coresight/cortex-m/reset-type';
import { CPUID } from '../coresight/cortex-m/debug-registers';
import { parseVectorCatchLetters } from '../coresight/cortex-m/vector-catch';
import type { DebugPort } from '../coresight/debug-port';
import type { Dpidr } from '../coresight/dp-registers';
import { MemAp } from '../coresight/mem-ap';
import type { MemoryInterface } from '../coresight/memory-interface';
import { flattenComponents, walkRomTable, type CoreSightComponent } from '../coresight/rom-table';
import { CallSequence } from './call-sequence';
import type { MemoryMap } from './memory-map';
import type { TargetDelegate } from './target-delegate';
import type { TargetDefinition } from './target-definition';

export type ConnectModeName = 'halt' | 'pre-reset' | 'under-reset' | 'attach';

export interface TargetSettings {
  readonly connectMode: ConnectModeName;
  readonly resetType: ResetType;
  /** pyOCD vector_catch letters. */
  readonly vectorCatch: string;
  readonly resumeOnDisconnect: boolean;
}

/** Runs `body` as one serialized operation on the probe (the session lock); identity by default. */
export type Serializer = <T>(operation: string, body: () => Promise<T>) => Promise<T>;

export interface CoreSightTargetOptions {
  readonly dp: DebugPort;
  readonly definition: TargetDefinition;
  readonly settings: TargetSettings;
  readonly resetLine?: HardwareResetLine;
  readonly delegate?: TargetDelegate;
  readonly serialize?: Serializer;
  readonly log?: (level: 'debug' | 'info' | 'warning', message: string) => void;
  readonly onCoreState?: (core: CortexM, state: CoreState) => void;
}

/** One ROM table per MEM-AP that has one. */
export interface ApComponents {
  readonly apsel: number;
  readonly root: CoreSightComponent | undefined;
  readonly problems: readonly string[];
}

const SCS_NAME = /^SCS/;
const ARM_IMPLEMENTER = 0x41;
const NRESET_SETTLE_MS = 5;

export class CoreSightTarget implements MemoryInterface {
  readonly dp: DebugPort;
  readonly definition: TargetDefinition;
  readonly memoryMap: MemoryMap;
  readonly aps = new Map<number, AccessPort>();
  readonly components: ApComponents[] = [];
  readonly cores: CortexM[] = [];
  selectedCore = 0;
  dpidr: Dpidr | undefined;
  private readonly serialize: Serializer;

  constructor(private readonly options: CoreSightTargetOptions) {
    this.dp = options.dp;
    this.definition = options.definition;
    this.memoryMap = options.definition.createMemoryMap();
    this.serialize = options.serialize ?? ((_, body) => body());
  }

  get delegate(): TargetDelegate | undefined {
    return this.options.delegate;
  }

  /** The core that memory accesses and run control apply to. */
  get core(): CortexM {
    const core = this.cores[this.selectedCore];
    if (!core) throw new Error(`Target ${this.definition.name} has no core ${this.selectedCore} (found ${this.cores.length}); connect first`);
    return core;
  }

  get settings(): TargetSettings {
    return this.options.settings;
  }

  // --- init sequence ---------------------------------------------------------------------------

  /** The default init sequence (see the file comment for each step). */
  createInitSequence(): CallSequence {
    return new CallSequence([
      ['pre_connect', () => this.preConnect()],
      ['dp_init', async () => void (this.dpidr = await this.dp.connect())],
      ['unlock_device', async () => void (await this.delegate?.unlockDevice?.(this))],
      ['discover_aps', () => this.discoverAps()],
      ['find_components', () => this.findComponents()],
      ['create_cores', () => this.createCores()],
      ['start_debug_cores', () => this.startDebugCores()],
      ['halt_on_connect', () => this.haltOnConnect()],
      ['post_connect', () => this.postConnect()],
    ]);
  }

  /** Runs the init sequence (after `willInitTarget` may change it) as one serialized operation. */
  connect(onStep?: (name: string) => void): Promise<void> {
    return this.serialize('connect', async () => {
      const sequence = this.createInitSequence();
      await this.delegate?.willInitTarget?.(this, sequence);
      await sequence.invoke(onStep);
      await this.delegate?.didInitTarget?.(this);
    });
  }

  private async preConnect(): Promise<void> {
    const mode = this.settings.connectMode;
    if (mode !== 'under-reset' && mode !== 'pre-reset') return;
    const line = this.requireResetLine(`connect mode ${mode}`);
    await line.setResetAsserted(true);
    await new Promise((resolve) => setTimeout(resolve, NRESET_SETTLE_MS));
    if (mode === 'pre-reset') await line.setResetAsserted(false);
  }

  private requireResetLine(purpose: string): HardwareResetLine {
    if (!this.options.resetLine) throw new Error(`${purpose} needs the probe's nRESET line, and this probe has none`);
    return this.options.resetLine;
  }

  private async discoverAps(): Promise<void> {
    this.aps.clear();
    for (const ap of await discoverAccessPorts(this.dp)) this.aps.set(ap.apsel, ap);
  }

  private memAps(): MemAp[] {
    return [...this.aps.values()].filter((ap): ap is MemAp => ap instanceof MemAp);
  }

  private async findComponents(): Promise<void> {
    this.components.length = 0;
    for (const ap of this.memAps()) {
      const base = ap.romTableAddress;
      if (base === undefined || !ap.deviceEnabled) continue;
      const walk = await walkRomTable(ap, base);
      this.components.push({ apsel: ap.apsel, root: walk.root, problems: walk.problems });
      for (const problem of walk.problems) this.options.log?.('warning', `AP ${ap.apsel} ROM table: ${problem}`);
    }
  }

  private addCore(ap: MemAp): void {
    const core = new CortexM(ap, {
      coreNumber: this.cores.length,
      resetLine: this.options.resetLine,
      defaultResetType: this.settings.resetType,
      log: this.options.log,
    });
    core.onStateChange((state) => this.options.onCoreState?.(core, state));
    this.cores.push(core);
  }

  private async createCores(): Promise<void> {
    this.cores.length = 0;
    for (const entry of this.components) {
      if (flattenComponents(entry.root).some((c) => SCS_NAME.test(c.id.name))) this.addCore(this.aps.get(entry.apsel) as MemAp);
    }
    if (this.cores.length > 0) return;
    // No ROM table led to an SCS (unreadable or incomplete tables exist on real parts): look for
    // an Arm CPUID (ARMv7-M ARM B3.2.3) at its architectural address on each enabled MEM-AP.
    for (const ap of this.memAps().filter((a) => a.deviceEnabled)) {
      const cpuid = await ap.read32(CPUID).catch(() => 0);
      if (cpuid >>> 24 !== ARM_IMPLEMENTER) continue;
      this.options.log?.('warning', `AP ${ap.apsel}: no System Control Space in its ROM table, but CPUID reads 0x${(cpuid >>> 0).toString(16)}; using it as a Cortex-M core`);
      this.addCore(ap);
    }
    if (this.cores.length === 0) {
      throw new Error(`No Cortex-M core found: no ROM table on the ${this.aps.size} AP(s) lists a System Control Space and no AP answers CPUID`);
    }
  }

  private async startDebugCores(): Promise<void> {
    for (const core of this.cores) {
      await this.delegate?.willStartDebugCore?.(core);
      await core.identify();
      if (!(await this.delegate?.startDebugCore?.(core))) await core.startDebug();
      await this.delegate?.didStartDebugCore?.(core);
      const expected = this.definition.core;
      if (expected && core.name !== expected) {
        this.options.log?.('warning', `Target ${this.definition.name} expects a ${expected} but core ${core.coreNumber} is a ${core.name}`);
      }
    }
  }

  private async haltOnConnect(): Promise<void> {
    const mode = this.settings.connectMode;
    if (mode === 'halt') {
      for (const core of this.cores) await core.halt();
    } else if (mode === 'under-reset') {
      // Catch the reset vector, then release nRESET: the core halts on its first instruction.
      for (const core of this.cores) await core.setVectorCatch((await core.getVectorCatch()) | 1);
      await this.requireResetLine('connect mode under-reset').setResetAsserted(false);
      for (const core of this.cores) {
        await core.getState();
        await core.halt();
      }
    }
  }

  private async postConnect(): Promise<void> {
    for (const core of this.cores) {
      await core.setVectorCatch(parseVectorCatchLetters(this.settings.vectorCatch, core.isBaseline));
      await core.getState();
    }
  }

  /** Removes breakpoints, lets the cores run if `resume`, and keeps the DP powered for the next user. */
  disconnect(resume = this.settings.resumeOnDisconnect): Promise<void> {
    return this.serialize('disconnect', async () => {
      await this.delegate?.willDisconnect?.(this, resume);
      for (const core of this.cores) {
        await this.delegate?.willStopDebugCore?.(core);
        const overridden = resume && (await this.delegate?.stopDebugCore?.(core));
        if (!overridden) await core.stopDebug(resume);
        await this.delegate?.didStopDebugCore?.(core);
      }
      await this.delegate?.didDisconnect?.(this, resume);
    });
  }

  // --- run control (selected core), serialized --------------------------------------------------

  halt(): Promise<void> {
    return this.serialize('halt', () => this.core.halt());
  }

  resume(): Promise<void> {
    return this.serialize('resume', () => this.core.resume());
  }

  step(options?: { intoInterrupts?: boolean }): Promise<void> {
    return this.serialize('step', () => this.core.step(options));
  }

  getState(): Promise<CoreState> {
    return this.serialize('get state', () => this.core.getState());
  }

  /** Resets through the willReset/didReset hooks; returns the reset type actually performed. */
  reset(type?: ResetType, options: { halt?: boolean } = {}): Promise<ResetType> {
    return this.serialize(options.halt ? 'reset and halt' : 'reset', async () => {
      const core = this.core;
      const requested = type ?? core.defaultResetType;
      if (await this.delegate?.willReset?.(core, requested)) {
        await this.delegate?.didReset?.(core, requested);
        return requested;
      }
      const done = options.halt ? await core.resetAndHalt(requested) : await core.reset(requested);
      await this.delegate?.didReset?.(core, done);
      return done;
    });
  }

  readCoreRegisters(names: readonly string[]): Promise<number[]> {
    return this.serialize('read registers', () => this.core.readCoreRegisters(names));
  }

  writeCoreRegisters(values: Readonly<Record<string, number>>): Promise<void> {
    return this.serialize('write registers', () => this.core.writeCoreRegisters(values));
  }

  // --- memory through the selected core's MEM-AP, serialized --------------------------------------

  private get memory(): MemoryInterface {
    return this.core.memory;
  }

  read8(address: number): Promise<number> {
    return this.serialize('read8', () => this.memory.read8(address));
  }
  read16(address: number): Promise<number> {
    return this.serialize('read16', () => this.memory.read16(address));
  }
  read32(address: number): Promise<number> {
    return this.serialize('read32', () => this.memory.read32(address));
  }
  write8(address: number, value: number): Promise<void> {
    return this.serialize('write8', () => this.memory.write8(address, value));
  }
  write16(address: number, value: number): Promise<void> {
    return this.serialize('write16', () => this.memory.write16(address, value));
  }
  write32(address: number, value: number): Promise<void> {
    return this.serialize('write32', () => this.memory.write32(address, value));
  }
  readBlock32(address: number, count: number): Promise<Uint32Array> {
    return this.serialize('read block', () => this.memory.readBlock32(address, count));
  }
  writeBlock32(address: number, words: Uint32Array | readonly number[]): Promise<void> {
    return this.serialize('write block', () => this.memory.writeBlock32(address, words));
  }
  readBytes(address: number, length: number): Promise<Uint8Array> {
    return this.serialize('read memory', () => this.memory.readBytes(address, length));
  }
  writeBytes(address: number, data: Uint8Array): Promise<void> {
    return this.serialize('write memory', () => this.memory.writeBytes(address, data));
  }
}
