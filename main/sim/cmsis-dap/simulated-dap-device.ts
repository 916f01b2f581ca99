import type { VirtualClock } from '../clock/virtual-clock';
import type { DebugPort } from '../adi/debug-port';
import { DapCommand } from './dap-constants';
import type { TargetStrings } from './dap-info';
import { DapCommandProcessor } from './command-processor';
import { type FaultPlan, targetUnpoweredAt } from './fault-plan';
import type { DapProtocol, ProbePreset, UsbSpeed } from './probe-presets';
import { UsbSchedule, type UsbSlot } from './usb-schedule';

/**
 * A simulated CMSIS-DAP probe as the host's USB layer sees it, with its timing as a
 * discrete-event model on the target's virtual clock. Each write is one USB OUT transfer and
 * each read one IN transfer. The probe holds up to DAP_PACKET_COUNT packets (CMSIS-DAP v2.1,
 * DAP_Info 0xFE); while they are all taken, OUT is NAKed. Packets are executed in order at the
 * modeled time they reach the head of the queue, SWD bits cost time at the configured SWCLK,
 * and a response can be fetched by the next IN opportunity after it is complete. The target
 * runs throughout; the model only advances time as far as the host has observed it.
 */

/** What the probe drives on the board: its time, its nRESET line. */
export interface ProbeBoard {
  readonly clock: VirtualClock;
  runUntil(timeNs: number): void;
  setResetPin(asserted: boolean): void;
}

export interface DeviceIdentity {
  vendorName: string;
  productName: string;
  serialNumber: string;
  protocol: DapProtocol;
  usbSpeed: UsbSpeed;
  packetSize: number;
  usbVendorId: number;
  usbProductId: number;
}

/** One USB device: one call = one USB transfer. */
export interface SimulatedDapDevice {
  readonly identity: DeviceIdentity;
  write(packet: Uint8Array): Promise<void>;
  read(): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Simulator-side measurements; never visible over CMSIS-DAP. */
export interface ProbeMetrics {
  /** Modeled time the host has observed, ns since the probe was created. */
  elapsedNs: number;
  /** USB OUT packets the probe accepted. */
  packetsOut: number;
  /** USB IN packets (responses) the host read. */
  packetsIn: number;
  /** SWD packets clocked on the wire. */
  transfers: number;
  /** SWCLK cycles on the wire (packets, idle cycles, sequences). */
  swdBits: number;
  /** Payload bytes on USB, both directions (HID reports count their full size). */
  usbBytes: number;
}

export class ProbeDisconnectedError extends Error {
  constructor(reason: string) {
    super(`simulated probe disconnected: ${reason}`);
    this.name = 'ProbeDisconnectedError';
  }
}

interface PacketRecord {
  request: Uint8Array;
  queued: boolean;
  out: UsbSlot;
  response?: Uint8Array;
  in?: UsbSlot;
  taken: boolean;
}

/** nRESET pulse width used by the `targetResetAtNs` fault. */
const RESET_PULSE_NS = 100_000;

export interface SimulatedDapDeviceOptions {
  preset: ProbePreset;
  board: ProbeBoard;
  dp: DebugPort;
  targetStrings?: TargetStrings;
  faults?: FaultPlan;
  /** Called once when the device is closed (the owner releases the board). */
  onClose?: () => void;
}

export class SimulatedDap implements SimulatedDapDevice {
  readonly identity: DeviceIdentity;
  readonly processor: DapCommandProcessor;
  private readonly preset: ProbePreset;
  private readonly board: ProbeBoard;
  private readonly dp: DebugPort;
  private readonly faults: FaultPlan;
  private readonly usb: UsbSchedule;
  private readonly startNs: number;
  private readonly onClose: (() => void) | undefined;
  private hostNow: number;
  /** Packets that occupy a probe buffer, oldest first; those read and processed are pruned. */
  private packets: PacketRecord[] = [];
  /** Sequence number of packets[0] among all buffered packets since the probe was created. */
  private firstSeq = 0;
  /** Number of buffered packets executed so far. */
  private processedTotal = 0;
  private lastEnd = 0;
  /** IN completion time of the most recent packets, by sequence number modulo the packet count. */
  private readonly inEnds: number[] = [];
  private accepted = 0;
  private commandPackets = 0;
  private aborts: number[] = [];
  private readCounter = 0;
  private disconnected: string | undefined;
  private closed = false;
  private readonly counters = { packetsOut: 0, packetsIn: 0, usbBytes: 0 };

  constructor(options: SimulatedDapDeviceOptions) {
    this.preset = options.preset;
    this.board = options.board;
    this.dp = options.dp;
    this.faults = options.faults ?? {};
    this.onClose = options.onClose;
    this.usb = new UsbSchedule(this.preset.usbSpeed, this.preset.protocol, this.preset.packetSize);
    this.startNs = this.board.clock.now;
    this.hostNow = this.startNs;
    this.lastEnd = this.startNs;
    this.identity = {
      vendorName: this.preset.vendorName,
      productName: this.preset.productName,
      serialNumber: this.preset.serialNumber,
      protocol: this.preset.protocol,
      usbSpeed: this.preset.usbSpeed,
      packetSize: this.preset.packetSize,
      usbVendorId: this.preset.usbVendorId,
      usbProductId: this.preset.usbProductId,
    };
    const every = this.faults.readParityErrorEvery;
    this.processor = new DapCommandProcessor(
      this.preset,
      {
        dp: this.dp,
        now: () => this.board.clock.now,
        advance: (ns) => this.runBoard(this.board.clock.now + ns),
        setResetPin: (asserted) => this.board.setResetPin(asserted),
      },
      options.targetStrings,
      every === undefined ? undefined : { corruptReadParity: () => ++this.readCounter % every === 0 },
    );
    this.scheduleTargetFaults();
    this.updatePower();
  }

  write(packet: Uint8Array): Promise<void> {
    try {
      this.checkOpen();
      if (packet.length === 0) throw new Error('simulated probe: write of an empty packet');
      if (packet.length > this.preset.packetSize) {
        throw new Error(`simulated probe: packet of ${packet.length} bytes exceeds the probe's packet size ${this.preset.packetSize}`);
      }
      const unplugAfter = this.faults.unplugAfterPackets;
      if (unplugAfter !== undefined && this.accepted >= unplugAfter) {
        this.disconnected = `unplugged after ${unplugAfter} packets (fault injection)`;
        this.checkOpen();
      }
      if (this.unreadCount() === 0) this.hostNow = Math.max(this.hostNow, this.board.clock.now);
      const out = this.usb.out(this.bufferFreeAt(), this.wireBytes(packet.length));
      this.accepted++;
      this.counters.packetsOut++;
      this.counters.usbBytes += this.wireBytes(packet.length);
      if (packet[0] === DapCommand.TransferAbort) {
        // Handled by the probe as it arrives, outside the command queue, with no response.
        this.aborts.push(out.end);
      } else {
        const queued = packet[0] === DapCommand.QueueCommands && this.preset.capabilities.atomicCommands;
        this.packets.push({ request: Uint8Array.from(packet), queued, out, taken: false });
      }
      // The host's own time moves only when it waits for a response (read); a write never blocks it.
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  read(): Promise<Uint8Array> {
    try {
      this.checkOpen();
      const record = this.packets.find((p) => !p.taken);
      if (record === undefined) {
        throw new Error('simulated probe: read with no command outstanding (a USB read would wait until its timeout)');
      }
      while (record.response === undefined) {
        if (!this.processNext()) {
          throw new Error(
            'simulated probe: the outstanding packets are DAP_QueueCommands, which the probe holds until a packet of another command arrives',
          );
        }
      }
      const inSlot = record.in!;
      this.advanceTo(inSlot.seenAt);
      this.hostNow = Math.max(this.hostNow, inSlot.seenAt);
      record.taken = true;
      this.counters.packetsIn++;
      this.prune();
      return Promise.resolve(this.deliver(record.response));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.onClose?.();
    }
    return Promise.resolve();
  }

  metrics(): ProbeMetrics {
    return {
      elapsedNs: this.hostNow - this.startNs,
      packetsOut: this.counters.packetsOut,
      packetsIn: this.counters.packetsIn,
      transfers: this.processor.link.counters.transfers,
      swdBits: this.processor.link.counters.swdBits,
      usbBytes: this.counters.usbBytes,
    };
  }

  /** True while the host has written packets whose responses it has not read. */
  get busy(): boolean {
    return this.unreadCount() > 0;
  }

  /**
   * Lets modeled time pass while the host is silent (the real-time pacer): the probe finishes
   * whatever it holds and the target runs.
   */
  idleUntil(timeNs: number): void {
    if (this.closed) return;
    this.advanceTo(timeNs);
    this.hostNow = Math.max(this.hostNow, timeNs);
  }

  private checkOpen(): void {
    if (this.closed) throw new Error('simulated probe: the device is closed');
    if (this.disconnected !== undefined) throw new ProbeDisconnectedError(this.disconnected);
  }

  private unreadCount(): number {
    let n = 0;
    for (const p of this.packets) if (!p.taken) n++;
    return n;
  }

  /** HID reports always carry the full report size; bulk transfers carry what was written. */
  private wireBytes(length: number): number {
    return this.usb.interrupt ? this.preset.packetSize : length;
  }

  /**
   * An OUT is NAKed while all DAP_PACKET_COUNT buffers are taken: the next packet gets in only
   * once the packet `packetCount` places before it has gone back to the host.
   */
  private bufferFreeAt(): number {
    const blocking = this.firstSeq + this.packets.length - this.preset.packetCount;
    if (blocking < 0) return this.hostNow;
    while (this.processedTotal <= blocking) {
      if (!this.processNext()) return this.hostNow;
    }
    return Math.max(this.hostNow, this.inEnds[blocking % this.preset.packetCount]!);
  }

  /** Executes the oldest unprocessed packet at its modeled start time; false when it must wait. */
  private processNext(): boolean {
    const index = this.processedTotal - this.firstSeq;
    const record = this.packets[index];
    if (record === undefined) return false;
    let releaseAt = 0;
    if (record.queued) {
      // DAP_QueueCommands packets wait for a packet of another command, or for the buffers to fill.
      const release = this.packets.slice(index + 1).find((p) => !p.queued);
      const buffersFull = this.packets.length - index >= this.preset.packetCount;
      if (release === undefined && !buffersFull) return false;
      releaseAt = release?.out.end ?? 0;
    }
    const start = Math.max(record.out.end, this.lastEnd, releaseAt, this.board.clock.now);
    this.runBoard(start);
    // A DAP_TransferAbort only affects the transfer running when it arrives.
    this.aborts = this.aborts.filter((t) => t >= start);
    let response = this.processor.process(record.request, () => this.aborts.some((t) => t <= this.board.clock.now));
    const end = this.board.clock.now;
    this.aborts = this.aborts.filter((t) => t > end);
    this.commandPackets++;
    response = this.applyResponseFault(response);
    record.response = response;
    record.in = this.usb.in(end, this.wireBytes(Math.max(1, response.length)));
    this.counters.usbBytes += this.wireBytes(response.length);
    this.inEnds[this.processedTotal % this.preset.packetCount] = record.in.end;
    this.lastEnd = end;
    this.processedTotal++;
    return true;
  }

  private applyResponseFault(response: Uint8Array): Uint8Array {
    const fault = this.faults.corruptResponse;
    if (fault === undefined || fault.packet !== this.commandPackets) return response;
    if (fault.kind === 'short') return response.slice(0, 1);
    const damaged = Uint8Array.from(response);
    // A damaged first byte no longer echoes the command: the host must notice.
    damaged[0] = (damaged[0] ?? 0) ^ 0x5a;
    for (let i = 1; i < damaged.length; i++) damaged[i] = damaged[i]! ^ 0xa5;
    return damaged;
  }

  /** Processes every packet due before `time`, then runs the target to `time`. */
  private advanceTo(time: number): void {
    for (;;) {
      const record = this.packets[this.processedTotal - this.firstSeq];
      if (record === undefined) break;
      const start = Math.max(record.out.end, this.lastEnd);
      if (start > time || !this.processNext()) break;
    }
    this.runBoard(time);
  }

  private runBoard(time: number): void {
    if (time > this.board.clock.now) this.board.runUntil(time);
    this.updatePower();
  }

  private updatePower(): void {
    const powered = !targetUnpoweredAt(this.faults, this.board.clock.now);
    if (powered !== this.dp.isPowered) this.dp.setPowered(powered);
  }

  private deliver(response: Uint8Array): Uint8Array {
    if (!this.usb.interrupt || response.length >= this.preset.packetSize) return response.slice(0, this.preset.packetSize);
    // A HID report has a fixed size: the response is padded with zeros.
    const report = new Uint8Array(this.preset.packetSize);
    report.set(response);
    return report;
  }

  private scheduleTargetFaults(): void {
    const at = this.faults.targetResetAtNs;
    if (at !== undefined) {
      this.board.clock.schedule(at, () => {
        this.board.setResetPin(true);
        this.board.clock.schedule(at + RESET_PULSE_NS, () => this.board.setResetPin(false));
      });
    }
  }

  private prune(): void {
    while (this.packets.length > 0 && this.packets[0]!.taken && this.firstSeq < this.processedTotal) {
      this.packets.shift();
      this.firstSeq++;
    }
  }
}
