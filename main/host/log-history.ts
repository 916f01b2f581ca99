// The most recent log records, so a window opened after startup still shows how the host got there.
import type { LogHub, LogRecord } from '../../shared/log/logger';

export class LogHistory {
  private readonly records: LogRecord[] = [];

  constructor(
    hub: LogHub,
    private readonly capacity = 1000,
  ) {
    hub.subscribe((record) => {
      this.records.push(record);
      if (this.records.length > this.capacity) this.records.shift();
    });
  }

  snapshot(): readonly LogRecord[] {
    return [...this.records];
  }
}
