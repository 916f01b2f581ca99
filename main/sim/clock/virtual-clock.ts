/**
 * The one virtual clock of a simulated system (runtime: plain Node, no Electron).
 *
 * Every simulated component — core cycles, peripheral timers, flash busy periods and the
 * probe's USB/SWD timing model — reads and schedules on this clock, so a run is
 * deterministic and independent of the host's speed. Time is in nanoseconds as a double:
 * exact for integers up to 2^53 ns (about 104 days of simulated time).
 */
export interface ClockEvent {
  readonly at: number;
  readonly seq: number;
  readonly callback: () => void;
  cancelled: boolean;
}

export class VirtualClock {
  private current = 0;
  private sequence = 0;
  /** Binary min-heap ordered by (at, seq) so equal times fire in scheduling order. */
  private readonly heap: ClockEvent[] = [];

  get now(): number {
    return this.current;
  }

  /** Schedules `callback` at absolute time `at` (clamped to now). */
  schedule(at: number, callback: () => void): ClockEvent {
    const event: ClockEvent = { at: Math.max(at, this.current), seq: this.sequence++, callback, cancelled: false };
    this.push(event);
    return event;
  }

  /** Schedules `callback` after `delay` nanoseconds. */
  after(delay: number, callback: () => void): ClockEvent {
    return this.schedule(this.current + delay, callback);
  }

  cancel(event: ClockEvent): void {
    event.cancelled = true;
  }

  /** Time of the earliest pending event, or Infinity. */
  nextEventTime(): number {
    this.dropCancelled();
    return this.heap.length > 0 ? this.heap[0]!.at : Infinity;
  }

  /**
   * Moves time forward to `time`, firing every event due on the way in order. Callbacks
   * may schedule further events; those due before `time` fire in the same call.
   */
  advanceTo(time: number): void {
    for (;;) {
      this.dropCancelled();
      const head = this.heap[0];
      if (head === undefined || head.at > time) break;
      this.pop();
      if (head.at > this.current) this.current = head.at;
      head.callback();
    }
    if (time > this.current) this.current = time;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.pop();
  }

  private static before(a: ClockEvent, b: ClockEvent): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(event: ClockEvent): void {
    const heap = this.heap;
    heap.push(event);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!VirtualClock.before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop()!;
    if (heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && VirtualClock.before(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && VirtualClock.before(heap[r]!, heap[m]!)) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  }
}
