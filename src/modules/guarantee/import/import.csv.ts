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
};

export interface ImportRowIssue {
  row: number;
  field: string | null;
  code: string;
  message: string;
}

/**
 * Why a header is not the one ../shared/DESIGN.md §4 lists, or null when it is. Blank cells after the last column
 * are no column (a spreadsheet writes them for formatted empty columns), as columnCountProblem allows them
 * in data rows.
 */
export function headerProblem(header: readonly string[]): string | null {
  const got = header.map((h) => String(h ?? '').trim());
  while (got.length > IMPORT_COLUMNS.length && got[got.length - 1] === '') got.pop();
  if (got.length === IMPORT_COLUMNS.length && got.every((h, i) => h === IMPORT_COLUMNS[i])) return null;
  const found = got.length ? got.join(',') : '(nothing: the file is empty)';
  return `The header must be exactly the expected one.\n  expected: ${IMPORT_COLUMNS.join(',')}\n  found:    ${found.slice(0, 300)}`;
}

/** Whether a data row has the header's column count (blank trailing cells of a spreadsheet row are fine). */
export function columnCountProblem(values: readonly unknown[]): string | null {
  const n = values.length;
  if (n === IMPORT_COLUMNS.length) return null;
  if (n > IMPORT_COLUMNS.length && values.slice(IMPORT_COLUMNS.length).every((v) => v === '' || v === null || v === undefined)) return null;
  return `The row has ${n} columns; the header has ${IMPORT_COLUMNS.length}`;
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
  };
}

/** An issue of the shared validation, reported against the file's column (borrower.regionId → region_code). */
export function rowIssue(row: number, issue: Issue): ImportRowIssue {
  const column = COLUMN_OF[issue.field] ?? null;
  const message =
    column && issue.message.startsWith(`${issue.field} `) ? `${column}${issue.message.slice(issue.field.length)}` : issue.message;
  return { row, field: column, code: issue.code, message };
}
