import { DAP_ERROR, DAP_OK, DapCommand, DapPort, ID_DAP_INVALID, SwjPin } from './dap-constants';
import { type TargetStrings, writeDapInfo } from './dap-info';
import { RequestReader, ResponseWriter } from './packet-codec';
import type { ProbePreset } from './probe-presets';
import { type DapTarget, type SwdLineFaults, SwdLink } from './swd-link';
import { SwoCapture } from './swo-capture';
import { type TransferContext, type TransferSettings, dapTransfer, dapTransferBlock } from './transfer-commands';

/**
 * The firmware of a simulated CMSIS-DAP probe: one request packet in, one response packet
 * out, byte for byte as CMSIS-DAP v2.1 "Commands" specifies. Work on the wire advances the
 * modeled time through the DapTarget, so the target runs while the probe works.
 */

/** DAP_SWJ_Pins waits at most 3 s for the selected pins (DAP_SWJ_Pins, Pin Wait). */
const MAX_PIN_WAIT_US = 3_000_000;

export class DapCommandProcessor {
  readonly link: SwdLink;
  readonly swo: SwoCapture | undefined;
  private readonly preset: ProbePreset;
  private readonly target: DapTarget;
  private readonly targetStrings: TargetStrings | undefined;
  private connected = false;
  private pins = SwjPin.SWCLK | SwjPin.SWDIO | SwjPin.TDI | SwjPin.nTRST | SwjPin.nRESET;
  private readonly settings: TransferSettings = { waitRetry: 100, matchRetry: 0, matchMask: 0 };
  private abortCheck: () => boolean = () => false;

  constructor(preset: ProbePreset, target: DapTarget, targetStrings?: TargetStrings, lineFaults?: SwdLineFaults) {
    this.preset = preset;
    this.target = target;
    this.targetStrings = targetStrings;
    this.link = new SwdLink(target, preset.defaultSwclkHz, preset.transferOverheadNs, lineFaults);
    this.swo = preset.capabilities.swoUart
      ? new SwoCapture(preset, () => target.now(), (at) => this.timestampAt(at))
      : undefined;
  }

  /**
   * Executes one request packet and returns its response; `abortRequested` tells a running
   * DAP_Transfer or DAP_TransferBlock that a DAP_TransferAbort has arrived.
   */
  process(request: Uint8Array, abortRequested: () => boolean = () => false): Uint8Array {
    this.abortCheck = abortRequested;
    this.target.advance(this.preset.commandOverheadNs);
    const out = new ResponseWriter();
    const req = new RequestReader(request);
    const id = req.u8();
    if (id === DapCommand.ExecuteCommands || id === DapCommand.QueueCommands) {
      if (!this.preset.capabilities.atomicCommands) {
        out.u8(ID_DAP_INVALID);
      } else {
        const count = req.u8();
        // The probe turns a released DAP_QueueCommands packet into DAP_ExecuteCommands, so both answer 0x7F.
        out.u8(DapCommand.ExecuteCommands);
        out.u8(count);
        for (let i = 0; i < count; i++) this.command(req.u8(), req, out);
      }
    } else {
      this.command(id, req, out);
    }
    this.abortCheck = () => false;
    return Uint8Array.from(out.bytes);
  }

  /** The test-domain timer (DAP_Info 0xF1) at a modeled time. */
  timestampAt(at: number): number {
    const hz = this.preset.capabilities.timestampClockHz;
    return Math.floor((at * hz) / 1e9) % 0x1_0000_0000;
  }

  private transferContext(): TransferContext | undefined {
    if (!this.connected) return undefined;
    return {
      link: this.link,
      settings: this.settings,
      abortRequested: this.abortCheck,
      timestamp: () => this.timestampAt(this.target.now()),
    };
  }

  private command(id: number, req: RequestReader, out: ResponseWriter): void {
    switch (id) {
      case DapCommand.Info:
        out.u8(id);
        return writeDapInfo(out, req.u8(), this.preset, this.targetStrings);
      case DapCommand.HostStatus: {
        // Type 0 (connected) and 1 (running) drive LEDs, which are not modeled; other types are errors.
        const type = req.u8();
        req.u8();
        out.u8(id);
        return out.u8(type <= 1 ? DAP_OK : DAP_ERROR);
      }
      case DapCommand.Connect:
        return this.connect(req, out);
      case DapCommand.Disconnect:
        this.connected = false;
        out.u8(id);
        return out.u8(DAP_OK);
      case DapCommand.TransferConfigure:
        this.link.idleCycles = req.u8();
        this.settings.waitRetry = req.u16();
        this.settings.matchRetry = req.u16();
        out.u8(id);
        return out.u8(DAP_OK);
      case DapCommand.Transfer:
        return dapTransfer(req, out, this.transferContext());
      case DapCommand.TransferBlock:
        return dapTransferBlock(req, out, this.transferContext());
      case DapCommand.TransferAbort:
        // Inside a packet there is no transfer left to abort, and the command has no response.
        return;
      case DapCommand.WriteAbort:
        return this.writeAbort(req, out);
      case DapCommand.Delay: {
        const us = req.u16();
        this.target.advance(us * 1000);
        out.u8(id);
        return out.u8(DAP_OK);
      }
      case DapCommand.ResetTarget:
        // No device-specific reset sequence is implemented (Execute = 0); hosts reset through nRESET.
        out.u8(id);
        out.u8(DAP_OK);
        return out.u8(0);
      case DapCommand.SwjPins:
        return this.swjPins(req, out);
      case DapCommand.SwjClock: {
        const hz = req.u32();
        out.u8(id);
        if (hz === 0) return out.u8(DAP_ERROR);
        this.link.swclkHz = Math.min(hz, this.preset.maxSwclkHz);
        return out.u8(DAP_OK);
      }
      case DapCommand.SwjSequence:
        return this.swjSequence(req, out);
      case DapCommand.SwdConfigure: {
        const config = req.u8();
        this.link.turnaround = (config & 0b11) + 1;
        this.link.dataPhase = (config & 0b100) !== 0;
        out.u8(id);
        return out.u8(DAP_OK);
      }
      case DapCommand.SwdSequence:
        return this.swdSequence(req, out);
      case DapCommand.JtagSequence:
      case DapCommand.JtagConfigure:
      case DapCommand.JtagIdcode:
        return this.jtagCommand(id, req, out);
      case DapCommand.SwoTransport:
      case DapCommand.SwoMode:
      case DapCommand.SwoBaudrate:
      case DapCommand.SwoControl:
      case DapCommand.SwoStatus:
      case DapCommand.SwoExtendedStatus:
      case DapCommand.SwoData:
        return this.swoCommand(id, req, out);
      default:
        // Commands the probe does not implement (JTAG, UART, vendor, nested atomic) answer 0xFF.
        return out.u8(ID_DAP_INVALID);
    }
  }

  private connect(req: RequestReader, out: ResponseWriter): void {
    const port = req.u8();
    out.u8(DapCommand.Connect);
    if (port === DapPort.Default || port === DapPort.Swd) {
      this.connected = true;
      return out.u8(DapPort.Swd);
    }
    // JTAG is not among this probe's capabilities: initialization fails.
    out.u8(0);
  }

  private writeAbort(req: RequestReader, out: ResponseWriter): void {
    req.u8();
    const value = req.u32();
    out.u8(DapCommand.WriteAbort);
    if (!this.connected) return out.u8(DAP_ERROR);
    // ABORT is a DP write at address 0x0 (ADIv5.2 B2.2.1).
    this.link.transfer(0x00, value);
    out.u8(DAP_OK);
  }

  private swjPins(req: RequestReader, out: ResponseWriter): void {
    const output = req.u8();
    const select = req.u8();
    const waitUs = Math.min(req.u32(), MAX_PIN_WAIT_US);
    this.pins = (this.pins & ~select) | (output & select);
    if (select & SwjPin.nRESET) this.target.setResetPin((output & SwjPin.nRESET) === 0);
    // The probe's own outputs settle at once; an input that never matches would make it wait.
    const mismatch = (select & SwjPin.TDO) !== 0 && (output & SwjPin.TDO) !== (this.pins & SwjPin.TDO);
    if (mismatch) this.target.advance(waitUs * 1000);
    out.u8(DapCommand.SwjPins);
    out.u8(this.pins & ~SwjPin.TDO);
  }

  private swjSequence(req: RequestReader, out: ResponseWriter): void {
    let count = req.u8();
    if (count === 0) count = 256;
    const bits: number[] = [];
    for (let byteIndex = 0; byteIndex < Math.ceil(count / 8); byteIndex++) {
      const byte = req.u8();
      for (let b = 0; b < 8 && bits.length < count; b++) bits.push((byte >> b) & 1);
    }
    this.link.clockOut(bits);
    out.u8(DapCommand.SwjSequence);
    out.u8(DAP_OK);
  }

  private swdSequence(req: RequestReader, out: ResponseWriter): void {
    const sequences = req.u8();
    out.u8(DapCommand.SwdSequence);
    out.u8(DAP_OK);
    for (let s = 0; s < sequences; s++) {
      const info = req.u8();
      const cycles = (info & 0x3f) === 0 ? 64 : info & 0x3f;
      const input = (info & 0x80) !== 0;
      const bytes = Math.ceil(cycles / 8);
      if (input) {
        const bits = this.link.clockIn(cycles);
        for (let i = 0; i < bytes; i++) {
          let byte = 0;
          for (let b = 0; b < 8 && i * 8 + b < cycles; b++) byte |= bits[i * 8 + b]! << b;
          out.u8(byte);
        }
      } else {
        const bits: number[] = [];
        for (let i = 0; i < bytes; i++) {
          const byte = req.u8();
          for (let b = 0; b < 8 && bits.length < cycles; b++) bits.push((byte >> b) & 1);
        }
        this.link.clockOut(bits);
      }
    }
  }

  /**
   * An SWD-only probe (DAP_Info capabilities without JTAG) still parses a JTAG command's request,
   * so that a DAP_ExecuteCommands packet stays in step, and answers DAP_ERROR.
   */
  private jtagCommand(id: number, req: RequestReader, out: ResponseWriter): void {
    if (id === DapCommand.JtagSequence) {
      const sequences = req.u8();
      for (let s = 0; s < sequences; s++) {
        const cycles = req.u8() & 0x3f || 64;
        for (let i = 0; i < Math.ceil(cycles / 8); i++) req.u8();
      }
    } else if (id === DapCommand.JtagConfigure) {
      const devices = req.u8();
      for (let i = 0; i < devices; i++) req.u8();
    } else {
      req.u8();
    }
    out.u8(id);
    out.u8(DAP_ERROR);
  }

  private swoCommand(id: number, req: RequestReader, out: ResponseWriter): void {
    const swo = this.swo;
    if (swo === undefined) return out.u8(ID_DAP_INVALID);
    switch (id) {
      case DapCommand.SwoTransport:
        return swo.transportCommand(req, out);
      case DapCommand.SwoMode:
        return swo.modeCommand(req, out);
      case DapCommand.SwoBaudrate:
        return swo.baudrateCommand(req, out);
      case DapCommand.SwoControl:
        return swo.controlCommand(req, out);
      case DapCommand.SwoStatus:
        return swo.statusCommand(out);
      case DapCommand.SwoExtendedStatus:
        return swo.extendedStatusCommand(req, out);
      default:
        return swo.dataCommand(req, out);
    }
  }
}
