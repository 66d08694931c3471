import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { addCompensated, addReleased } from '../../src/modules/ledger/ledger.writer';
import { businessToday } from '../../src/platform/lib/dates';
import { countInAggregate, createAgreement, createBank, createGuarantee, createInstitution, regionId } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';
import { codes, gql, ok } from '../support/graphql';

/** 实施意见（四）, R19: 银担合作 figures per bank and year, for 银行支持地方经济发展考核. */
const CARDS = `query($year: Int!) { bankScorecards(year: $year) {
  bank { id } year agreementCount creditLine usedCredit newCount newAmount smallAgriAmount averageBankRiskShare batchShare
  compensatedAmount compensationRate } }`;
const YEAR = 2025;

async function world(m: EntityManager) {
  const county = await regionId(m, '371502');
  const inst = await createInstitution(m, { regionId: county });
  const elsewhere = await createInstitution(m, { regionId: await regionId(m, '371521') });
  const bank = await createBank(m);
  const batch = await createAgreement(
    m,
    { institutionId: inst.id, bankId: bank.id },
    { batchMode: true, creditLine: '50000000.00', usedCredit: '1200000.00' },
  );
  // Expired before the year's end: not counted among the agreements in force on 31 December.
  await createAgreement(m, { institutionId: inst.id, bankId: bank.id }, { expiresOn: `${YEAR}-06-30` });
  const key = { institutionId: inst.id, bankId: bank.id, regionId: county };
  // New business of the year: 400,000 at 30% under the batch agreement, 600,000 at 20% without one (not 支小支农).
  await countInAggregate(
    m,
    await createGuarantee(
      m,
      { ...key, agreementId: batch.id },
      { startOn: `${YEAR}-02-01`, guaranteedAmount: '400000.00', bankRiskShare: '0.300000' },
    ),
  );
  await countInAggregate(m, await createGuarantee(m, key, { startOn: `${YEAR}-12-31`, guaranteedAmount: '600000.00', smallAgri: false }));
  // Other years and another county's institution do not count for the county reader.
  await countInAggregate(m, await createGuarantee(m, key, { startOn: `${YEAR + 1}-01-01`, guaranteedAmount: '999.00' }));
  await countInAggregate(
    m,
    await createGuarantee(m, { institutionId: elsewhere.id, bankId: bank.id }, { startOn: `${YEAR}-05-01`, guaranteedAmount: '5000.00' }),
  );
  await addReleased(m, key, `${YEAR}-03-01`, '200000.00');
  await addCompensated(m, key, `${YEAR}-09-01`, '10000.00');
  return { county, bank, inst };
}

describe('bankScorecards (R19)', () => {
  it('gives a bank its year: agreements in force at the year end, new business, risk and batch shares, compensation rate', async () => {
    await inRollback(async (m) => {
      const { county, bank } = await world(m);
      const narrowed = viewer(Role.FINANCE, { regionId: county });
      const card = ok(await gql(m, narrowed, CARDS, { year: YEAR })).bankScorecards.find(
        (c: { bank: { id: string } }) => c.bank.id === bank.id,
      );
      expect(card).toEqual({
        bank: { id: bank.id },
        year: YEAR,
        agreementCount: 1,
        creditLine: '50000000.00',
        usedCredit: '1200000.00',
        newCount: 2,
        newAmount: '1000000.00',
        smallAgriAmount: '400000.00',
        averageBankRiskShare: '0.240000',
        batchShare: '0.400000',
        compensatedAmount: '10000.00',
        compensationRate: '0.050000',
      });
      // City-wide, the other county's 5,000 counts too.
      const city = ok(await gql(m, viewer(Role.PBOC), CARDS, { year: YEAR })).bankScorecards.find(
        (c: { bank: { id: string } }) => c.bank.id === bank.id,
      );
      expect(city.newAmount).toBe('1005000.00');
    });
  });

  it('a bank reads only its own card; a bank with no business reads zeros and null shares', async () => {
    await inRollback(async (m) => {
      const { bank } = await world(m);
      const quiet = await createBank(m);
      const own = ok(await gql(m, viewer(Role.BANK, { bankId: quiet.id }), CARDS, { year: YEAR })).bankScorecards;
      expect(own).toEqual([
        expect.objectContaining({
          bank: { id: quiet.id },
          newCount: 0,
          newAmount: '0.00',
          averageBankRiskShare: null,
          compensationRate: null,
        }),
      ]);
      expect(own.map((c: { bank: { id: string } }) => c.bank.id)).not.toContain(bank.id);
    });
  });

  it('refuses a future year with its field', async () => {
    await inRollback(async (m) => {
      const result = await gql(m, viewer(Role.PBOC), CARDS, { year: Number(businessToday().slice(0, 4)) + 1 });
      expect([codes(result), result.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'year']);
    });
  });
});
