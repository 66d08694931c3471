import { maskIdentifier, maskIdentifiersIn } from '../../access/mask';

/**
 * What of a mutation's arguments the audit log keeps. Pure functions, no database: unit-tested.
 * Secrets never reach the log; borrower identifiers are masked (the log must not become a second
 * register of identities); long texts such as an import's CSV are kept as their size only.
 */
const SECRET_KEY = /password|token|secret/i;
const IDENTIFIER_KEY = /identifier/i;
const ID_KEY = /^(id|.+Id)$/;
const IDS_KEY = /^(ids|.+Ids)$/;
const MAX_TEXT = 200;
const MAX_ITEMS = 50;
const MAX_DEPTH = 4;

/** NUL and lone surrogates (which jsonb and text refuse) replaced by U+FFFD, so a record can always be stored. */
export function storable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

export function redactArgs(value: unknown, key = '', depth = 0): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (SECRET_KEY.test(key)) return '[redacted]';
  if (typeof value === 'string') {
    const kept = redactText(value, key);
    return typeof kept === 'string' ? storable(kept) : kept;
  }
  if (typeof value !== 'object') return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return (value as { toJSON(): unknown }).toJSON();
  if (depth >= MAX_DEPTH) return '[nested]';
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => redactArgs(item, key, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k), redactArgs(v, k, depth + 1)]));
}

function redactText(value: string, key: string): string | { characters: number; lines: number } {
  if (IDENTIFIER_KEY.test(key)) return maskIdentifier(value);
  if (value.length > MAX_TEXT) return { characters: value.length, lines: value.split('\n').length };
  // A short CSV, a lead's evidence or a note may quote identifiers: the log keeps them masked.
  return maskIdentifiersIn(value);
}

/** Ids a mutation names: every `id`/`…Id` (and `ids`/`…Ids`) argument at any depth, then the result's own ids. */
export function targetIds(args: unknown, result: unknown): string[] {
  const found = new Set<string>();
  collectArgIds(args, found, 0);
  collectResultIds(result, found);
  return [...found].slice(0, MAX_ITEMS);
}

function collectArgIds(value: unknown, found: Set<string>, depth: number): void {
  if (!value || typeof value !== 'object' || depth > MAX_DEPTH) return;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' && ID_KEY.test(k)) {
      found.add(v);
    } else if (Array.isArray(v) && IDS_KEY.test(k)) {
      for (const item of v) if (typeof item === 'string') found.add(item);
    } else if (v && typeof v === 'object' && !Array.isArray(v)) {
      collectArgIds(v, found, depth + 1);
    }
  }
}

/** The result's `id` and `…Id` columns, and the `id` of objects it holds directly (AuthPayload.viewer). */
function collectResultIds(result: unknown, found: Set<string>): void {
  if (!result || typeof result !== 'object' || result instanceof Error) return;
  for (const [k, v] of Object.entries(result)) {
    if (typeof v === 'string' && ID_KEY.test(k)) {
      found.add(v);
    } else if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { id?: unknown }).id === 'string') {
      found.add((v as { id: string }).id);
    }
  }
}
