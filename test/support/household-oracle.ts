import type { EntityManager } from 'typeorm';
import { expect } from 'vitest';
import { FARMERS, SMALL_MICRO } from '../../src/modules/evaluation/evaluation.calc';

/** A small seeded generator (mulberry32): the same seed, the same sequence of writes. */
export class Random {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

/**
 * The open balances of these institutions as maintained (household_balance, ledger_version's open totals) equal
 * their recomputation from the guarantee table: the open (ACTIVE) guarantees per institution and borrower.
 */
export async function maintainedEqualsRecomputed(m: EntityManager, ids: string[]): Promise<void> {
  const recomputed = await m.query(
    `SELECT g.institution_id, g.borrower_id, b.kind AS borrower_kind,
            coalesce(sum(g.guaranteed_amount) FILTER (WHERE g.kind = 'LOAN'), 0)::numeric(24,2)::text AS loan,
            coalesce(sum(g.guaranteed_amount) FILTER (WHERE g.kind <> 'LOAN'), 0)::numeric(24,2)::text AS other,
            coalesce(sum(g.guaranteed_amount) FILTER (WHERE g.small_agri), 0)::numeric(24,2)::text AS small_agri
       FROM guarantee g JOIN borrower b ON b.id = g.borrower_id
      WHERE g.status = 'ACTIVE' AND g.institution_id = ANY($1)
      GROUP BY g.institution_id, g.borrower_id, b.kind ORDER BY 1, 2`,
    [ids],
  );
  const kept = await m.query(
    `SELECT institution_id, borrower_id, borrower_kind, loan_balance::text AS loan, other_balance::text AS other,
            small_agri_balance::text AS small_agri
       FROM household_balance WHERE institution_id = ANY($1) ORDER BY 1, 2`,
    [ids],
  );
  expect(kept).toEqual(recomputed);
  const totals = await m.query(
    `SELECT i.id,
            coalesce((SELECT sum(guaranteed_amount) FROM guarantee g WHERE g.institution_id = i.id AND g.status = 'ACTIVE'), 0)::numeric(24,2)::text AS open,
            coalesce((SELECT sum(guaranteed_amount) FROM guarantee g WHERE g.institution_id = i.id AND g.status = 'ACTIVE' AND g.small_agri), 0)::numeric(24,2)::text AS small_agri,
            coalesce((SELECT sum(g.guaranteed_amount) FROM guarantee g JOIN borrower b ON b.id = g.borrower_id
                       WHERE g.institution_id = i.id AND g.status = 'ACTIVE' AND g.kind = 'LOAN' AND b.kind = ANY($2)), 0)::numeric(24,2)::text AS small_micro,
            coalesce((SELECT sum(g.guaranteed_amount) FROM guarantee g JOIN borrower b ON b.id = g.borrower_id
                       WHERE g.institution_id = i.id AND g.status = 'ACTIVE' AND g.kind = 'LOAN' AND b.kind = ANY($3)), 0)::numeric(24,2)::text AS farmer
       FROM guarantee_institution i WHERE i.id = ANY($1) ORDER BY i.id`,
    [ids, [...SMALL_MICRO], [...FARMERS]],
  );
  const versions = await m.query(
    `SELECT i.id, coalesce(v.open_balance, 0)::numeric(24,2)::text AS open, coalesce(v.open_small_agri, 0)::numeric(24,2)::text AS small_agri,
            coalesce(v.open_small_micro_loan, 0)::numeric(24,2)::text AS small_micro, coalesce(v.open_farmer_loan, 0)::numeric(24,2)::text AS farmer
       FROM guarantee_institution i LEFT JOIN ledger_version v ON v.institution_id = i.id WHERE i.id = ANY($1) ORDER BY i.id`,
    [ids],
  );
  expect(versions).toEqual(totals);
}
