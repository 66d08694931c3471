import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { businessToday } from '../../src/platform/lib/dates';
import { createInstitution, regionId } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';
import { codes, gql, ok } from '../support/graphql';
import type { EntityManager } from 'typeorm';

/** 实施意见（七）: 市财政局 pays an approved municipal risk-compensation claim. */
const PAY = `mutation($id: ID!, $on: Date!) { markRiskCompensationClaimPaid(id: $id, paidOn: $on) { id status paidOn } }`;
const LAST_YEAR = Number(businessToday().slice(0, 4)) - 1;
const finance = viewer(Role.FINANCE);

async function claim(m: EntityManager, status: string, institutionId?: string): Promise<string> {
  const inst = institutionId ?? (await createInstitution(m)).id;
  const [{ id }] = await m.query(
    `INSERT INTO risk_compensation_claim (institution_id, year, mode, released_amount, compensated_amount, compensation_rate, payout, tiers,
       status, submitted_by, decided_by_role, decided_at)
     VALUES ($1, $2, 'PROGRESSIVE', 1000000, 10000, 0.01, 10000, '[]'::jsonb, $3, 'test', $4, $5) RETURNING id`,
    [
      inst,
      LAST_YEAR,
      status,
      status === 'SUBMITTED' ? null : 'FINANCE',
      status === 'SUBMITTED' ? null : `${LAST_YEAR + 1}-01-15T10:00:00+08`,
    ],
  );
  return id;
}

describe('markRiskCompensationClaimPaid (R7)', () => {
  it('moves an approved claim to PAID once; a second payment is CONFLICT', async () => {
    await inRollback(async (m) => {
      const id = await claim(m, 'APPROVED');
      const { markRiskCompensationClaimPaid: paid } = ok(
        await gql(m, finance, PAY, { id: id.toUpperCase(), on: `${LAST_YEAR + 1}-01-20` }),
      );
      expect(paid).toEqual({ id, status: 'PAID', paidOn: `${LAST_YEAR + 1}-01-20` });
      expect(codes(await gql(m, finance, PAY, { id, on: `${LAST_YEAR + 1}-01-21` }))).toEqual(['CONFLICT']);
    });
  });

  it('refuses a claim not approved (CONFLICT), a future date or one before the approval (BAD_USER_INPUT), another county (NOT_FOUND)', async () => {
    await inRollback(async (m) => {
      expect(codes(await gql(m, finance, PAY, { id: await claim(m, 'SUBMITTED'), on: businessToday() }))).toEqual(['CONFLICT']);
      expect(codes(await gql(m, finance, PAY, { id: await claim(m, 'REJECTED'), on: businessToday() }))).toEqual(['CONFLICT']);
      const approved = await claim(m, 'APPROVED');
      const future = await gql(m, finance, PAY, { id: approved, on: '2999-01-01' });
      expect([codes(future), future.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'paidOn']);
      const early = await gql(m, finance, PAY, { id: approved, on: `${LAST_YEAR + 1}-01-14` });
      expect([codes(early), early.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'paidOn']);
      const other = await createInstitution(m, { regionId: await regionId(m, '371521') });
      const county = viewer(Role.FINANCE, { regionId: await regionId(m, '371502') });
      expect(codes(await gql(m, county, PAY, { id: await claim(m, 'APPROVED', other.id), on: businessToday() }))).toEqual(['NOT_FOUND']);
      const [{ status }] = await m.query(`SELECT status FROM risk_compensation_claim WHERE id = $1`, [approved]);
      expect(status).toBe('APPROVED');
    });
  });
});
