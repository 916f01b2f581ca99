/**
 * YAML files validated by a zod schema, with errors that name the file, the line and the setting
 * (`probedesk.yaml:7: probes.sim:nrf52840.frequency: expected number`). Shared by target
 * definitions and session config files.
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';

export class YamlSourceError extends Error {
  override name = 'YamlSourceError';
  constructor(readonly file: string, readonly line: number | undefined, readonly path: string, readonly detail: string) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${path ? `${path}: ` : ''}${detail}`);
  }
}

export interface ParsedYaml<T> {
  readonly value: T;
  /** Line (1-based) where the value at `path` starts, for errors found after validation. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

function lineFinder(document: Document, counter: LineCounter) {
  return (path: readonly (string | number)[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

/** Parses `text` (from `file`) and validates it against `schema`. */
export function parseYamlWithSchema<S extends z.ZodType>(text: string, file: string, schema: S): ParsedYaml<z.infer<S>> {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const syntax = document.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0].line ?? counter.linePos(syntax.pos[0]).line;
    throw new YamlSourceError(file, line, '', syntax.message.split('\n')[0]!);
  }
  const lineOf = lineFinder(document, counter);
  const result = schema.safeParse(document.toJS() ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.map(String);
    throw new YamlSourceError(file, lineOf(issue.path as (string | number)[]), path.join('.'), issue.message);
  }
  return { value: result.data, lineOf };
}
