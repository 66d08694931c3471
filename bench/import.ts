import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { importFile } from '../src/modules/guarantee/import/import.run';
import { createAgreement, createBank, createInstitution } from '../test/fixtures/business';
import { generateRows, toCsv } from '../test/fixtures/import-csv';
import { BenchFailure } from './load';

/** One 总对总 import timed end to end: file read, every rule, the writes and the commit. */
export interface ImportMeasurement {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

/**
 * Imports `rows` generated guarantees (test/fixtures/import-csv.ts: about one borrower per five rows, spread over
 * months, kinds and two banks) for a new institution into the bench database, through the same path as `npm run
 * import` (importFile: one transaction, R1–R6 per row). The guarantees already there (10^6, 10^7) are what the
 * import's indexes and R1 reads have to live with. Every row must be accepted, or the bench fails.
 */
export async function measureImport(dataSource: DataSource, rows: number): Promise<ImportMeasurement> {
  const { institutionId, bankIds } = await dataSource.transaction(async (m) => {
    const institution = await createInstitution(m, { netAssets: '100000000000.00' });
    const banks = [await createBank(m), await createBank(m)];
    for (const bank of banks) {
      await createAgreement(
        m,
        { institutionId: institution.id, bankId: bank.id },
        { creditLine: '100000000000.00', batchMode: true, bankRiskShare: '0.300000' },
      );
    }
    return { institutionId: institution.id, bankIds: banks.map((b) => b.id) };
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-import-'));
  const file = path.join(dir, 'import.csv');
  try {
    fs.writeFileSync(file, toCsv(generateRows(rows, bankIds, 'BENCH')));
    const started = performance.now();
    const result = await importFile(dataSource, institutionId, file);
    const seconds = (performance.now() - started) / 1000;
    if (result.acceptedCount !== rows) {
      const first = result.rejected[0];
      throw new BenchFailure(
        `the import accepted ${result.acceptedCount} of ${rows} rows` +
          (first ? ` (row ${first.row}: ${first.code} ${first.message})` : ''),
      );
    }
    return { rows, seconds, rowsPerSecond: rows / seconds };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
