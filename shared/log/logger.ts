// The engine's log: one process-wide hub that every layer writes to and that front ends (the CLI's
// stderr, the UI's Log view over the `log` event stream) read from. Runtime-neutral: no Node or DOM.

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogRecord {
  /** Milliseconds since the Unix epoch. */
  readonly time: number;
  readonly level: LogLevel;
  /** Where the record comes from, e.g. `probe.cmsis-dap` or `host.ws`. */
  readonly scope: string;
  readonly message: string;
}

export type LogSink = (record: LogRecord) => void;

/** A message, or a function building it only when the level is enabled (for costly formatting). */
export type LogMessage = string | (() => string);

export interface Logger {
  readonly scope: string;
  trace(message: LogMessage): void;
  debug(message: LogMessage): void;
  info(message: LogMessage): void;
  warn(message: LogMessage): void;
  error(message: LogMessage): void;
  enabled(level: LogLevel): boolean;
  child(scope: string): Logger;
}

export function levelRank(level: LogLevel): number {
  return LOG_LEVELS.indexOf(level);
}

export class LogHub {
  private threshold: LogLevel = 'info';
  private readonly sinks = new Set<LogSink>();

  get level(): LogLevel {
    return this.threshold;
  }

  /** Records below this level are dropped before any sink sees them. */
  setLevel(level: LogLevel): void {
    this.threshold = level;
  }

  enabled(level: LogLevel): boolean {
    return levelRank(level) >= levelRank(this.threshold);
  }

  /** Adds a sink; returns the function that removes it. */
  subscribe(sink: LogSink): () => void {
    this.sinks.add(sink);
    return () => {
      this.sinks.delete(sink);
    };
  }

  write(level: LogLevel, scope: string, message: LogMessage, time = Date.now()): void {
    if (!this.enabled(level)) return;
    const record: LogRecord = { time, level, scope, message: typeof message === 'function' ? message() : message };
    for (const sink of [...this.sinks]) {
      // A failing sink (a closed socket, say) must not break the code that logged.
      try {
        sink(record);
      } catch {
        this.sinks.delete(sink);
      }
    }
  }

  logger(scope: string): Logger {
    const write = (level: LogLevel) => (message: LogMessage) => this.write(level, scope, message);
    return {
      scope,
      trace: write('trace'),
      debug: write('debug'),
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      enabled: (level) => this.enabled(level),
      child: (sub) => this.logger(`${scope}.${sub}`),
    };
  }
}

/** The process-wide hub: the CLI sets its level from -v/-q, the host streams it to the UI. */
export const logHub = new LogHub();

export function createLogger(scope: string): Logger {
  return logHub.logger(scope);
}
