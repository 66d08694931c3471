import type { DataSource } from 'typeorm';
import { BadInputError } from '../../../platform/errors';
import { isUuid } from '../../../platform/lib/ids';
import { PolicyService } from '../../policy/policy.service';
import type { GuaranteeImportResult } from '../guarantee.types';
import { IMPORT_COLUMNS } from './import.csv';
import { readImportFile } from './import.files';
import { GuaranteeImporter, IMPORT_CHUNK, type ImportRow } from './import.service';

const BANK_COLUMN = IMPORT_COLUMNS.indexOf('bank_id');

function withBank(values: readonly string[], bankId: string): string[] {
  const copy = [...values];
  copy[BANK_COLUMN] = bankId;
  return copy;
}

export interface ImportProgress {
  /** Bytes of the file read so far, and data rows granted so far. */
  update(bytesRead: number, rowsDone: number): void;
}

/**
 * Imports a CSV or XLSX file (npm run import): streamed in chunks of IMPORT_CHUNK rows, all of them in ONE
 * transaction, as the mutation does — the file is accepted together or, on any failure, not at all. A
 * re-run after a failure therefore starts clean, and a re-run after success finds every accepted code
 * (duplicates): importing the same file twice adds nothing.
 */
export async function importFile(
  dataSource: DataSource,
  institutionId: string,
  file: string,
  progress?: ImportProgress,
  /** The bank of rows whose bank_id is empty: a 总对总 file is one bank's business (`npm run import -- --bank`). */
  defaultBankId?: string,
): Promise<GuaranteeImportResult> {
  if (!isUuid(institutionId)) throw new BadInputError('institutionId', `--institution must be a hub id (a UUID), not "${institutionId}"`);
  let bytes = 0;
  let done = 0;
  return dataSource.transaction(async (tx) => {
    const importer = await GuaranteeImporter.open(tx, institutionId.toLowerCase(), new PolicyService(tx));
    let chunk: ImportRow[] = [];
    const flush = async () => {
      await importer.add(chunk);
      done += chunk.length;
      chunk = [];
      progress?.update(bytes, done);
    };
    for await (const row of readImportFile(file, (read) => (bytes = read))) {
      chunk.push(defaultBankId && !row.values[BANK_COLUMN] ? { row: row.row, values: withBank(row.values, defaultBankId) } : row);
      if (chunk.length >= IMPORT_CHUNK) await flush();
    }
    if (chunk.length) await flush();
    return importer.result();
  });
}
