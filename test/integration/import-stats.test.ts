import { describe, expect, it } from 'vitest';
import { LedgerRepo } from '../../src/modules/ledger/ledger.repo';
import { createBank, createInstitution, regionId } from '../fixtures/business';
import { inRollback } from '../support/db';

describe("addNewBusinessMany (the batch import's monthly aggregate)", () => {
  it('writes exactly what addNewBusiness does for each row, cell by cell', async () => {
    await inRollback(async (m) => {
      const [one, many] = [await createInstitution(m), await createInstitution(m)];
      const [x, y] = [await createBank(m), await createBank(m)];
      const [r1, r2] = [await regionId(m, '371502'), await regionId(m, '371522')];
      const rows = [
        {
          bankId: x.id,
          regionId: r1,
          startOn: '2024-03-01',
          guaranteedAmount: '1000000.00',
          feeRate: '0.008000',
          smallAgri: true,
          smallHousehold: true,
        },
        {
          bankId: x.id,
          regionId: r1,
          startOn: '2024-03-31',
          guaranteedAmount: '6000000.01',
          feeRate: '0.012345',
          smallAgri: true,
          smallHousehold: false,
        },
        {
          bankId: x.id,
          regionId: r2,
          startOn: '2024-03-15',
          guaranteedAmount: '0.01',
          feeRate: '0',
          smallAgri: false,
          smallHousehold: false,
        },
        {
          bankId: y.id,
          regionId: r1,
          startOn: '2024-04-01',
          guaranteedAmount: '250000.50',
          feeRate: '1',
          smallAgri: false,
          smallHousehold: false,
        },
      ];
      for (const r of rows) await new LedgerRepo(m).addNewBusiness({ institutionId: one.id, bankId: r.bankId, regionId: r.regionId }, r);
      await new LedgerRepo(m).addNewBusinessMany(many.id, rows);
      await new LedgerRepo(m).addNewBusinessMany(many.id, []);
      const cells = (institutionId: string) =>
        m.query(
          `SELECT bank_id, region_id, month, new_count, new_amount, small_agri_count, small_agri_amount, small_household_amount, fee_weighted_amount, fee_rate_sum, released_amount, compensated_amount
             FROM business_month_stats WHERE institution_id = $1 ORDER BY bank_id, region_id, month`,
          [institutionId],
        );
      const expected = await cells(one.id);
      expect(expected).toHaveLength(3);
      expect(await cells(many.id)).toEqual(expected);
    });
  });
});
