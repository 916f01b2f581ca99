// A value that tells its watchers when it changes: the host's live state (connection, core state)
// that event streams replay on subscribe and then follow.

export class ObservableValue<T> {
  private readonly watchers = new Set<(value: T) => void>();

  constructor(private current: T) {}

  get(): T {
    return this.current;
  }

  set(next: T): void {
    this.current = next;
    for (const watcher of [...this.watchers]) watcher(next);
  }

  /** Calls `watcher` with the value now and on every change; returns the function that stops it. */
  watch(watcher: (value: T) => void): () => void {
    this.watchers.add(watcher);
    watcher(this.current);
    return () => {
      this.watchers.delete(watcher);
    };
  }
}
