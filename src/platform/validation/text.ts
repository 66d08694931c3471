/**
 * What text the hub stores (../shared/DESIGN.md §6, "Nothing without a trace"), the one rule every text input
 * passes — GraphQL arguments (src/app/input-rules.ts) and the cells of an imported file (schemas.ts):
 * - NUL and lone surrogates: PostgreSQL text and jsonb (the audit row) cannot store them faithfully;
 * - other C0 and C1 control characters and DEL: invisible, and they break logs and exported files.
 *   Tab, line feed and carriage return are allowed, since notes, evidence and a pasted CSV are multi-line
 *   (CRLF from Windows); single-line values (names, codes, titles) refuse them too (`singleLineProblem`);
 * - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make a name or a
 *   code read differently from what it is ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;

/** Why a text may not be stored, or null when it may. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'may not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'is not valid Unicode (a lone surrogate)';
  if (CONTROL.test(text)) return 'may not contain control characters';
  if (BIDI.test(text)) return 'may not contain bidirectional override characters';
  return null;
}

/** As textProblem, and no tab or line break: for names, codes and titles. */
export function singleLineProblem(text: string): string | null {
  return textProblem(text) ?? (LINE_BREAK_OR_TAB.test(text) ? 'must be a single line' : null);
}
