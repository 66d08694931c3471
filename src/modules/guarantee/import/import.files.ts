import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { BadInputError } from '../../../platform/errors';
import { CSV_OPTIONS, IMPORT_COLUMNS, headerColumns, headerProblem } from './import.csv';
import { checkedRecords, decodedCsv, detectCsvEncoding } from './import.encoding';
import type { ImportRow } from './import.service';

/**
 * The rows of a 总对总 file, streamed: a CSV, or the first sheet of an XLSX workbook with the same header.
 * Neither is read into memory whole, so a 100,000-row file costs the memory of one chunk. `onBytes`
 * reports how much of the file has been read (for a progress bar: a streamed file's row count is
 * unknown until its end).
 */
export async function* readImportFile(file: string, onBytes: (read: number) => void = () => undefined): AsyncGenerator<ImportRow> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new BadInputError('file', `${file}: expected a .csv or .xlsx file`);
  // A CSV is read twice: once to learn its encoding (UTF-8 or Excel's GBK, see import.encoding.ts), then to import.
  const encoding = ext === '.csv' ? await detectCsvEncoding(file) : null;
  if (!encoding) await assertZip(file);
  const input = fs.createReadStream(file);
  input.on('data', () => onBytes(input.bytesRead));
  if (encoding) yield* csvRows(decodedCsv(input, encoding));
  else yield* xlsxRows(input);
}

/** An .xlsx is a zip archive; anything else (a CSV or an old .xls renamed) gets words, not "invalid signature: 0x…". */
async function assertZip(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r');
  const head = Buffer.alloc(4);
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  if (head.equals(Buffer.from('PK\x03\x04', 'latin1'))) return;
  const old = head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])) ? ' (it looks like an old Excel 97–2003 .xls: save it as .xlsx)' : '';
  throw new BadInputError('file', `${path.basename(file)} is not an xlsx (zip) file${old}; save the sheet as .xlsx or as CSV`);
}

async function* csvRows(input: NodeJS.ReadableStream): AsyncGenerator<ImportRow> {
  const parser = input.pipe(parse(CSV_OPTIONS));
  yield* numbered(checkedRecords(parser as AsyncIterable<string[]>));
}

async function* xlsxRows(input: fs.ReadStream): AsyncGenerator<ImportRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of workbook) {
    yield* numbered(sheetRows(sheet as AsyncIterable<ExcelJS.Row>));
    break; // the first sheet only
  }
  input.destroy();
}

async function* sheetRows(sheet: AsyncIterable<ExcelJS.Row>): AsyncGenerator<string[]> {
  for await (const row of sheet) {
    // row.values is 1-based; a spreadsheet leaves trailing blank cells out.
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    if (values.every((v) => v === '')) continue;
    while (values.length < IMPORT_COLUMNS.length) values.push('');
    yield values;
  }
}

/** The header (checked) and then the data rows, numbered from 1. */
async function* numbered(records: AsyncIterable<string[]>): AsyncGenerator<ImportRow> {
  let row = -1;
  let columns: number = IMPORT_COLUMNS.length;
  for await (const values of records) {
    row++;
    if (row === 0) {
      const problem = headerProblem(values);
      if (problem) throw new BadInputError('csv', problem);
      columns = headerColumns(values);
      continue;
    }
    yield { row, values, columns };
  }
  if (row < 0) throw new BadInputError('csv', headerProblem([]) ?? 'The file is empty');
}

/** A spreadsheet cell as the text a CSV would carry: dates as YYYY-MM-DD, numbers in full, formulas by their result. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value).trim();
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
  }
  return String(value).trim();
}
