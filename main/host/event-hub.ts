// Fan-out of a stream of values with no "current" value (progress reports): subscribers get what is
// published after they subscribe.

export class EventHub<T> {
  private readonly listeners = new Set<(value: T) => void>();

  publish(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
