import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/modules/guarantee/import/import.run';
import { createBank, createInstitution } from '../fixtures/business';
import { testDataSource } from '../support/db';

/**
 * The newcomer's kit (README "First steps"): examples/guarantees.csv and .xlsx import cleanly — every row accepted,
 * valid credit codes and ID numbers, known enum values and region codes — for any institution, with the bank given
 * on the command line (their bank_id cells are empty, as `npm run import -- --bank` fills them).
 */
const EXAMPLES = path.resolve(__dirname, '../../examples');

describe('examples/', () => {
  for (const file of ['guarantees.csv', 'guarantees.xlsx']) {
    it(`${file} imports cleanly, and a second time adds nothing`, async () => {
      const ds = await testDataSource();
      const institution = await createInstitution(ds.manager);
      const bank = await createBank(ds.manager);
      const first = await importFile(ds, institution.id, path.join(EXAMPLES, file), undefined, bank.id);
      expect(first.rejected).toEqual([]);
      expect(first.acceptedCount).toBe(6);
      const again = await importFile(ds, institution.id, path.join(EXAMPLES, file), undefined, bank.id);
      expect([again.acceptedCount, again.duplicateCount, again.rejected]).toEqual([0, 6, []]);
    });
  }

  it('without a bank, every row is reported on bank_id (the files carry none)', async () => {
    const ds = await testDataSource();
    const institution = await createInstitution(ds.manager);
    const result = await importFile(ds, institution.id, path.join(EXAMPLES, 'guarantees.csv'));
    expect(result.acceptedCount).toBe(0);
    expect(new Set(result.rejected.map((r) => r.field))).toEqual(new Set(['bank_id']));
  });
});
