import ExcelJS from 'exceljs';

/** Number formats: amounts in yuan with two decimals and thousands separators; rates as percentages. */
export const FORMAT = { yuan: '#,##0.00', rate: '0.00%', count: '#,##0' } as const;

export type CellKind = keyof typeof FORMAT | 'text';

export interface Column {
  header: string;
  kind: CellKind;
  width?: number;
}

/**
 * A text cell a spreadsheet would read as a formula (= + - @, and the tab/CR that some readers strip first)
 * gets a leading apostrophe: a borrower or institution name can never run as a formula (CSV/formula injection).
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A GraphQL Decimal (a string) or Int as a spreadsheet number; null or empty stays an empty cell. */
export function num(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** 2025-03 → 2025年3月; 2025-03-31 → 2025年3月31日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return d ? `${y}年${Number(m)}月${Number(d)}日` : `${y}年${Number(m)}月`;
}

/**
 * A worksheet laid out as the departments file them: a merged title row (what, the period, the unit),
 * then the header row, then one row per record. Cells are typed by their column.
 */
export function addTable(
  book: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: Column[],
  rows: (string | number | null)[][],
): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = columns.map((c) => ({ width: c.width ?? (c.kind === 'text' ? 24 : 16) }));
  sheet.addRow([neutralise(title)]);
  sheet.mergeCells(1, 1, 1, Math.max(1, columns.length));
  sheet.getRow(1).font = { bold: true, size: 14 };
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  for (const values of rows) {
    const row = sheet.addRow(values.map((v, i) => cellValue(v, columns[i]?.kind ?? 'text')));
    columns.forEach((c, i) => {
      if (c.kind !== 'text') row.getCell(i + 1).numFmt = FORMAT[c.kind];
    });
  }
  return sheet;
}

function cellValue(value: string | number | null, kind: CellKind): string | number | null {
  if (value === null) return null;
  if (kind === 'text') return neutralise(String(value));
  return num(value);
}

export function newWorkbook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = '聊城市政府性融资担保数据中台';
  book.created = new Date();
  return book;
}
