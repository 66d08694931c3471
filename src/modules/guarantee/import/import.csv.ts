import type { GuaranteeDraft, Issue } from '../grant/grant.validate';

/** ../shared/DESIGN.md §4: the 总对总 batch file's columns, exactly, in this order. */
export const IMPORT_COLUMNS = [
  'code',
  'borrower_name',
  'borrower_identifier',
  'borrower_kind',
  'region_code',
  'bank_id',
  'kind',
  'loan_amount',
  'guaranteed_amount',
  'fee_rate',
  'start_on',
  'end_on',
] as const;

/** The optional thirteenth column (../shared/DESIGN.md §4): 纳入省再担保 (true/false, 是/否, 1/0; empty is false). */
export const OPTIONAL_COLUMN = 're_guaranteed';

/**
 * How both import paths (the mutation's CSV text, the command's CSV file) read a CSV: a BOM and any line
 * ending (CRLF) accepted, cells trimmed, and blank records skipped — empty lines and the all-empty rows
 * (",,,,,,,,,,,") a spreadsheet writes for formatted blank rows, which the XLSX reader skips as well.
 */
export const CSV_OPTIONS = {
  bom: true,
  skip_empty_lines: true,
  skip_records_with_empty_values: true,
  relax_column_count: true,
  trim: true,
} as const;

/** GuaranteeInput field paths and the columns that carry them. */
const COLUMN_OF: Record<string, string> = {
  code: 'code',
  'borrower.name': 'borrower_name',
  'borrower.identifier': 'borrower_identifier',
  'borrower.kind': 'borrower_kind',
  'borrower.regionId': 'region_code',
  bankId: 'bank_id',
  kind: 'kind',
  loanAmount: 'loan_amount',
  guaranteedAmount: 'guaranteed_amount',
  feeRate: 'fee_rate',
  startOn: 'start_on',
  endOn: 'end_on',
  reGuaranteed: OPTIONAL_COLUMN,
};

export interface ImportRowIssue {
  row: number;
  field: string | null;
  code: string;
  message: string;
}

/** The header's cells, trimmed, without the blank cells after the last column (a spreadsheet writes them for formatted empty columns). */
function headerCells(header: readonly string[]): string[] {
  const got = header.map((h) => String(h ?? '').trim());
  while (got.length > IMPORT_COLUMNS.length && got[got.length - 1] === '') got.pop();
  return got;
}

/**
 * Why a header is not the one ../shared/DESIGN.md §4 lists, or null when it is: the twelve columns exactly, optionally
 * followed by re_guaranteed (files written before that column existed still import). Blank cells after the last
 * column are no column, as columnCountProblem allows them in data rows.
 */
export function headerProblem(header: readonly string[]): string | null {
  const got = headerCells(header);
  const required = got.slice(0, IMPORT_COLUMNS.length);
  const extra = got.slice(IMPORT_COLUMNS.length);
  const requiredOk = required.length === IMPORT_COLUMNS.length && required.every((h, i) => h === IMPORT_COLUMNS[i]);
  if (requiredOk && (extra.length === 0 || (extra.length === 1 && extra[0] === OPTIONAL_COLUMN))) return null;
  const found = got.length ? got.join(',') : '(nothing: the file is empty)';
  return (
    `The header must be exactly the expected one, optionally followed by ,${OPTIONAL_COLUMN}.\n` +
    `  expected: ${IMPORT_COLUMNS.join(',')}\n  found:    ${found.slice(0, 300)}`
  );
}

/** How many columns a valid header has: 12, or 13 with re_guaranteed. */
export function headerColumns(header: readonly string[]): number {
  return headerCells(header).length;
}

/**
 * Whether a data row fits a header of `columns` columns: the twelve required cells, the optional last one where the
 * header has it (a spreadsheet leaves a trailing empty cell out, and empty is false), and blank trailing cells.
 */
export function columnCountProblem(values: readonly unknown[], columns: number = IMPORT_COLUMNS.length): string | null {
  const n = values.length;
  if (n >= IMPORT_COLUMNS.length && n <= columns) return null;
  if (n > columns && values.slice(columns).every((v) => v === '' || v === null || v === undefined)) return null;
  return `The row has ${n} columns; the header has ${columns}`;
}

/**
 * A CSV (or first-sheet XLSX) row as the same draft createGuarantee validates. region_code is the
 * region's administrative division code (371502); one that names no region becomes an id that names
 * nothing, so the shared validation reports it.
 */
export function draftOf(values: readonly string[], regionIdByCode: ReadonlyMap<string, string>): GuaranteeDraft {
  const v = (i: number) => String(values[i] ?? '').trim();
  return {
    code: v(0),
    borrower: { name: v(1), identifier: v(2), kind: v(3), regionId: regionIdByCode.get(v(4)) ?? '' },
    bankId: v(5),
    kind: v(6),
    loanAmount: v(7),
    guaranteedAmount: v(8),
    feeRate: v(9),
    startOn: v(10),
    endOn: v(11),
    reGuaranteed: v(12),
  };
}

/** An issue of the shared validation, reported against the file's column (borrower.regionId → region_code). */
export function rowIssue(row: number, issue: Issue): ImportRowIssue {
  const column = COLUMN_OF[issue.field] ?? null;
  const message =
    column && issue.message.startsWith(`${issue.field} `) ? `${column}${issue.message.slice(issue.field.length)}` : issue.message;
  return { row, field: column, code: issue.code, message };
}
