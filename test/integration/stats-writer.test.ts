import { describe, expect, it } from 'vitest';
import { LedgerRepo } from '../../src/modules/ledger/ledger.repo';
import { createBank, createInstitution } from '../fixtures/business';
import { inRollback } from '../support/db';

const MAX_AMOUNT = '9999999999999999.99'; // the largest numeric(18,2) a single guarantee may carry

describe('the monthly aggregate (business_month_stats)', () => {
  it('adds each write to its cell, and holds a month of the largest legal amounts without overflowing', async () => {
    await inRollback(async (m) => {
      const institution = await createInstitution(m);
      const bank = await createBank(m);
      const key = { institutionId: institution.id, bankId: bank.id, regionId: institution.regionId };
      const g = { startOn: '2024-05-31', guaranteedAmount: MAX_AMOUNT, feeRate: '0.010000', smallAgri: false, smallHousehold: false };
      await new LedgerRepo(m).addNewBusiness(key, g);
      await new LedgerRepo(m).addNewBusiness(key, { ...g, startOn: '2024-05-01', smallAgri: true });
      await new LedgerRepo(m).addReleased(key, '2024-05-15', MAX_AMOUNT);
      await new LedgerRepo(m).addReleased(key, '2024-05-16', MAX_AMOUNT);
      await new LedgerRepo(m).addCompensated(key, '2024-05-20', '0.01');
      const rows = await m.query(
        `SELECT month, new_count, new_amount, small_agri_count, small_agri_amount, fee_weighted_amount, fee_rate_sum, released_amount, compensated_amount
           FROM business_month_stats WHERE institution_id = $1`,
        [institution.id],
      );
      expect(rows).toEqual([
        {
          month: '2024-05-01',
          new_count: 2,
          new_amount: '19999999999999999.98',
          small_agri_count: 1,
          small_agri_amount: MAX_AMOUNT,
          fee_weighted_amount: '199999999999999.99980000',
          fee_rate_sum: '0.020000',
          released_amount: '19999999999999999.98',
          compensated_amount: '0.01',
        },
      ]);
    });
  });
});
