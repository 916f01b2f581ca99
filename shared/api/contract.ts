// The shape of the typed API between the renderer and the main-process services. One definition per
// message builds both ends: the router validates and encodes with it, the bridges encode and decode
// with it, the preload exposes exactly its names. Runtime-neutral: imports nothing from Node or Electron.
//
// Wire form vs. value form: each schema may be a zod codec (see `Bytes`). Senders `z.encode` values to
// their wire form (plain JSON), receivers `z.decode` wire data back into values; both transports carry
// only the wire form, so they behave identically.
import type { z } from 'zod';

export interface MethodDefinition<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly kind: 'method';
  readonly summary: string;
  readonly params: P;
  readonly result: R;
}

export interface EventDefinition<P extends z.ZodType = z.ZodType, T extends z.ZodType = z.ZodType> {
  readonly kind: 'event';
  readonly summary: string;
  /** What the subscriber asks for (a filter, a minimum level, ...). */
  readonly params: P;
  readonly payload: T;
}

export interface Contract {
  readonly methods: Readonly<Record<string, MethodDefinition>>;
  readonly events: Readonly<Record<string, EventDefinition>>;
}

export function defineMethod<P extends z.ZodType, R extends z.ZodType>(definition: { summary: string; params: P; result: R }): MethodDefinition<P, R> {
  return { kind: 'method', ...definition };
}

export function defineEvent<P extends z.ZodType, T extends z.ZodType>(definition: { summary: string; params: P; payload: T }): EventDefinition<P, T> {
  return { kind: 'event', ...definition };
}

export function defineContract<C extends Contract>(contract: C): C {
  return contract;
}

export type MethodName<C extends Contract> = keyof C['methods'] & string;
export type EventName<C extends Contract> = keyof C['events'] & string;

/** Parameters as the caller writes them (value form). */
export type MethodParams<C extends Contract, M extends MethodName<C>> = z.output<C['methods'][M]['params']>;
export type MethodResult<C extends Contract, M extends MethodName<C>> = z.output<C['methods'][M]['result']>;
export type EventParams<C extends Contract, E extends EventName<C>> = z.output<C['events'][E]['params']>;
export type EventPayload<C extends Contract, E extends EventName<C>> = z.output<C['events'][E]['payload']>;
