// The workspace views in navigation order. A view is an entry here; the workstation issue gives each
// its full component.
import type { Component } from 'vue';
import type { IconName } from '../icons/icon-paths';
import ConsoleView from './ConsoleView.vue';
import EmptyView from './EmptyView.vue';
import LogView from './LogView.vue';

export interface ViewEntry {
  readonly id: string;
  readonly label: string;
  readonly icon: IconName;
  readonly component: Component;
  /** Shown by views that need a connected target while there is none. */
  readonly idleHint?: string;
}

export const VIEWS = [
  { id: 'flash', label: 'Flash', icon: 'flash', component: EmptyView, idleHint: 'Program, erase and verify the target from flash profiles.' },
  { id: 'memory', label: 'Memory', icon: 'memory', component: EmptyView, idleHint: 'Read and edit target memory in hex and ASCII.' },
  { id: 'registers', label: 'Registers', icon: 'registers', component: EmptyView, idleHint: 'Core registers with decoded xPSR, CONTROL and fault status.' },
  { id: 'memory-map', label: 'Memory map', icon: 'map', component: EmptyView, idleHint: "The target's flash, RAM and peripheral regions." },
  { id: 'console', label: 'Console', icon: 'console', component: ConsoleView },
  { id: 'scripts', label: 'Scripts', icon: 'scripts', component: EmptyView, idleHint: "The project's user script, its commands and delegates." },
  { id: 'log', label: 'Log', icon: 'log', component: LogView },
] as const satisfies readonly ViewEntry[];

export type ViewId = (typeof VIEWS)[number]['id'];
