/**
 * The options of one session, resolved from layers with this precedence (highest first):
 * values set at run time (a console `set option`), the command line (`-O`, `-f`, ...), the
 * config file's section for the connected probe (`probes: { <uid>: {...} }`), the config file's
 * top level, and the defaults. pyOCD's order, with its probe sections.
 */
import { checkOptionValue, parseOptionText } from './option-definition';
import type { OptionRegistry, OptionValues } from './option-registry';

export type OptionSource = 'runtime' | 'cli' | 'probe-config' | 'config' | 'default';

export interface OptionLayers {
  /** Values from the command line: text (from `-O`) or already typed (from `-f`, `-t`, ...). */
  readonly cli?: Readonly<Record<string, unknown>>;
  /** Top-level config file values (already checked). */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Config sections per probe unique ID (already checked). */
  readonly probes?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export type OptionChangeListener = (name: string, value: unknown) => void;

export class SessionOptions {
  private readonly cli = new Map<string, unknown>();
  private readonly runtime = new Map<string, unknown>();
  private probeUid: string | undefined;
  private readonly listeners = new Set<OptionChangeListener>();

  constructor(readonly registry: OptionRegistry, private readonly layers: OptionLayers = {}) {
    for (const [name, value] of Object.entries(layers.cli ?? {})) {
      const definition = registry.require(name);
      this.cli.set(name, typeof value === 'string' ? parseOptionText(definition, value) : checkOptionValue(definition, value));
    }
  }

  /** Selects the probe whose config section applies. */
  setProbe(uid: string | undefined): void {
    this.probeUid = uid;
  }

  private probeSection(): Readonly<Record<string, unknown>> | undefined {
    return this.probeUid === undefined ? undefined : this.layers.probes?.[this.probeUid];
  }

  source(name: string): OptionSource {
    this.registry.require(name);
    if (this.runtime.has(name)) return 'runtime';
    if (this.cli.has(name)) return 'cli';
    if (this.probeSection() && name in this.probeSection()!) return 'probe-config';
    if (this.layers.config && name in this.layers.config) return 'config';
    return 'default';
  }

  /** The value of any registered option. */
  getValue(name: string): unknown {
    const definition = this.registry.require(name);
    switch (this.source(name)) {
      case 'runtime':
        return this.runtime.get(name);
      case 'cli':
        return this.cli.get(name);
      case 'probe-config':
        return this.probeSection()![name];
      case 'config':
        return this.layers.config![name];
      default:
        return definition.default;
    }
  }

  get<K extends keyof OptionValues>(name: K): OptionValues[K] {
    return this.getValue(name) as OptionValues[K];
  }

  /** Sets a value at run time (above every other layer); text is parsed as `-O` would. */
  set(name: string, value: unknown): void {
    const definition = this.registry.require(name);
    const typed = typeof value === 'string' && definition.kind !== 'string' ? parseOptionText(definition, value) : checkOptionValue(definition, value);
    this.runtime.set(name, typed);
    for (const listener of this.listeners) listener(name, typed);
  }

  onChange(listener: OptionChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every option's current value, as the user-script `options` dictionary shows them. */
  snapshot(): Record<string, unknown> {
    return Object.fromEntries(this.registry.names.map((n) => [n, this.getValue(n)]));
  }
}
