// The Console view's transcript and command history. Lines run on the host (console.execute);
// completion asks the host for candidates and completes as far as they agree.
import { defineStore } from 'pinia';
import { ref, shallowRef, triggerRef } from 'vue';
import { useBridge } from './use-bridge';

export type ConsoleEntryKind = 'input' | 'output' | 'error' | 'info';

export interface ConsoleEntry {
  readonly id: number;
  readonly kind: ConsoleEntryKind;
  readonly text: string;
}

/** Bounds the transcript like a terminal's scrollback. */
const MAX_ENTRIES = 2000;
const MAX_HISTORY = 200;

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

export const useConsoleStore = defineStore('console', () => {
  const bridge = useBridge();
  const entries = shallowRef<ConsoleEntry[]>([]);
  const history = ref<string[]>([]);
  const running = ref(false);
  /** Position while walking the history with Up/Down; history.length means "the line being typed". */
  let cursor = 0;
  let draft = '';
  let nextId = 1;

  function add(kind: ConsoleEntryKind, text: string): void {
    entries.value.push({ id: nextId++, kind, text });
    if (entries.value.length > MAX_ENTRIES) entries.value.splice(0, entries.value.length - MAX_ENTRIES);
    triggerRef(entries);
  }

  function remember(line: string): void {
    if (history.value[history.value.length - 1] !== line) history.value.push(line);
    if (history.value.length > MAX_HISTORY) history.value.shift();
    cursor = history.value.length;
    draft = '';
  }

  async function execute(line: string): Promise<void> {
    const text = line.trim();
    if (text === '') return;
    remember(text);
    add('input', text);
    running.value = true;
    try {
      const reply = await bridge.call('console.execute', { line: text });
      if (reply.output !== '') add('output', reply.output.replace(/\n$/, ''));
      if (!reply.ok) add('error', reply.error ?? 'the command failed');
      if (reply.exit) add('info', 'The workstation console stays open; use Disconnect in the toolbar to end the session.');
    } catch (e) {
      add('error', e instanceof Error ? e.message : String(e));
    } finally {
      running.value = false;
    }
  }

  /** The line one step back (Up) or forward (Down) in the history, keeping what was being typed. */
  function recall(direction: -1 | 1, current: string): string {
    if (cursor === history.value.length) draft = current;
    cursor = Math.min(Math.max(cursor + direction, 0), history.value.length);
    return cursor === history.value.length ? draft : history.value[cursor]!;
  }

  /** Completes the last word of `line` as far as the candidates agree; lists them when several remain. */
  async function complete(line: string): Promise<string> {
    let candidates: string[];
    try {
      candidates = await bridge.call('console.complete', { line });
    } catch (e) {
      add('error', e instanceof Error ? e.message : String(e));
      return line;
    }
    const start = line.search(/\S*$/);
    const word = line.slice(start);
    if (candidates.length === 0) return line;
    if (candidates.length === 1) return `${line.slice(0, start)}${candidates[0]} `;
    const prefix = commonPrefix(candidates);
    if (prefix.length <= word.length) add('info', candidates.join('  '));
    return prefix.length > word.length ? line.slice(0, start) + prefix : line;
  }

  function clear(): void {
    entries.value = [];
  }

  return { entries, history, running, execute, recall, complete, clear };
});
