/**
 * Typed session events, broadcast to every subscriber (UI, console, GDB server, scripts): target
 * state changes, connection changes and log records. A throwing subscriber cannot stop the others.
 */
import type { CoreState } from '../coresight/cortex-m/core-state';

export interface SessionEventMap {
  /** A core's run state changed. */
  state: { readonly core: number; readonly state: CoreState };
  /** The session connected to or disconnected from its target. */
  connection: { readonly connected: boolean; readonly target: string };
  /** An init-sequence step is about to run (for progress displays). */
  initStep: { readonly step: string };
  log: { readonly level: 'debug' | 'info' | 'warning' | 'error'; readonly scope: string; readonly message: string };
}

export type SessionEventName = keyof SessionEventMap;
export type SessionListener<K extends SessionEventName> = (event: SessionEventMap[K]) => void;

export class SessionEvents {
  private readonly listeners = new Map<SessionEventName, Set<(event: never) => void>>();

  on<K extends SessionEventName>(name: K, listener: SessionListener<K>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as (event: never) => void);
    return () => set.delete(listener as (event: never) => void);
  }

  emit<K extends SessionEventName>(name: K, event: SessionEventMap[K]): void {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        (listener as SessionListener<K>)(event);
      } catch {
        // One subscriber's failure must not keep the event from the others.
      }
    }
  }
}
