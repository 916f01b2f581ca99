import { EventEmitter } from 'node:events';

/** One byte a board's UART shifted out, stamped with the virtual time its stop bit ended. */
export interface UartByte {
  readonly port: string;
  readonly byte: number;
  readonly timeNs: number;
}

/** One line of UART text (without its line ending), stamped with the time its '\n' went out. */
export interface UartLine {
  readonly port: string;
  readonly text: string;
  readonly timeNs: number;
}

/** A change of what a GPIO pin drives: 0 or 1 when it is an output, null when it floats (input). */
export interface GpioChange {
  readonly port: string;
  readonly pin: number;
  readonly level: 0 | 1 | null;
  readonly timeNs: number;
}

export interface BoardIoEvents {
  'uart-byte': [UartByte];
  'uart-line': [UartLine];
  gpio: [GpioChange];
}

/**
 * The board's I/O channel for the UI and tests: UART output (raw bytes and whole lines) and
 * GPIO output changes, all stamped with virtual time. Peripherals feed it; readers subscribe.
 */
export class BoardIo extends EventEmitter<BoardIoEvents> {
  private readonly partialLines = new Map<string, string>();
  private readonly levels = new Map<string, Array<0 | 1 | null>>();

  /** A peripheral finished sending `byte` on `port`. */
  uartOutput(port: string, byte: number, timeNs: number): void {
    this.emit('uart-byte', { port, byte, timeNs });
    if (byte === 0x0a) {
      const text = (this.partialLines.get(port) ?? '').replace(/\r$/, '');
      this.partialLines.set(port, '');
      this.emit('uart-line', { port, text, timeNs });
    } else {
      this.partialLines.set(port, (this.partialLines.get(port) ?? '') + String.fromCharCode(byte));
    }
  }

  /** A GPIO port's driven level for `pin` is now `level`; emits only real changes. */
  gpioLevel(port: string, pin: number, level: 0 | 1 | null, timeNs: number): void {
    let pins = this.levels.get(port);
    if (pins === undefined) {
      pins = [];
      this.levels.set(port, pins);
    }
    if ((pins[pin] ?? null) === level) return;
    pins[pin] = level;
    this.emit('gpio', { port, pin, level, timeNs });
  }

  /** The level `pin` of `port` currently drives (null when it floats). */
  pinLevel(port: string, pin: number): 0 | 1 | null {
    return this.levels.get(port)?.[pin] ?? null;
  }

  /** Text sent on `port` since its last '\n'. */
  pendingLine(port: string): string {
    return this.partialLines.get(port) ?? '';
  }
}
