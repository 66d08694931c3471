import { Repository } from '../../platform/db/repository';
import { FARMERS, SMALL_MICRO } from '../evaluation/evaluation.calc';

/** A guarantee entering (opened: granted) or leaving (closed: released or compensated) the open balances. */
export interface OpenChange {
  borrowerId: string;
  /** The guarantee's kind: LOAN or another. */
  kind: string;
  guaranteedAmount: string;
  smallAgri: boolean;
}

/** R9's classes, from evaluation.calc.ts: the borrower kinds whose LOAN balances may weigh 75%. */
const CLASSES = () => [[...SMALL_MICRO], [...FARMERS]];

/**
 * One statement for a batch of changes of one institution ($1), opened ($8 = 1) or closed (−1): per borrower, its
 * household_balance row becomes old ± Σ amounts (deleted when nothing is left open), with the borrower's current kind; the institution's
 * ledger_version row gets the change of its totals, its class totals moving with a changed borrower kind, and a
 * new version (the warnings cache keys on it, whoever called).
 * Old rows are read in the statement's snapshot, so the caller must already hold the institution's
 * ledger_version row (see BalanceRepo).
 */
const APPLY = `
  WITH x AS (
    -- The change per borrower and its current row, gathered by GROUP BY rather than joined: household_balance is read
    -- once per statement, whatever the planner thinks of the institution (an import's is new to its statistics, and
    -- a nested loop then read the institution's rows once per borrower: quadratic in the rows of a 总对总 import).
    SELECT u.borrower_id,
           $8::int * CASE WHEN u.kind = 'LOAN' THEN u.amount ELSE 0 END AS loan,
           $8::int * CASE WHEN u.kind <> 'LOAN' THEN u.amount ELSE 0 END AS other,
           $8::int * CASE WHEN u.small_agri THEN u.amount ELSE 0 END AS small_agri,
           NULL::text AS old_kind, 0::numeric AS old_loan, 0::numeric AS old_other, 0::numeric AS old_small
      FROM unnest($2::uuid[], $3::varchar[], $4::numeric[], $5::boolean[]) AS u(borrower_id, kind, amount, small_agri)
    UNION ALL
    SELECT h.borrower_id, 0, 0, 0, h.borrower_kind::text, h.loan_balance, h.other_balance, h.small_agri_balance
      FROM household_balance h WHERE h.institution_id = $1 AND h.borrower_id = ANY($2::uuid[])),
  d AS (
    SELECT borrower_id, sum(loan) AS loan, sum(other) AS other, sum(small_agri) AS small_agri, max(old_kind) AS old_kind,
           sum(old_loan) AS old_loan, sum(old_other) AS old_other, sum(old_small) AS old_small
      FROM x GROUP BY borrower_id),
  n AS (
    SELECT d.borrower_id, b.kind AS borrower_kind, d.old_kind, d.old_loan,
           d.old_loan + d.loan AS loan_balance, d.old_other + d.other AS other_balance,
           d.old_small + d.small_agri AS small_agri_balance, d.loan + d.other AS total, d.small_agri
      FROM d JOIN borrower b ON b.id = d.borrower_id),
  kept AS (
    INSERT INTO household_balance AS h (institution_id, borrower_id, borrower_kind, loan_balance, other_balance, small_agri_balance)
    SELECT $1, n.borrower_id, n.borrower_kind, n.loan_balance, n.other_balance, n.small_agri_balance
      FROM n WHERE n.loan_balance + n.other_balance <> 0 ORDER BY n.borrower_id
    ON CONFLICT (institution_id, borrower_id) DO UPDATE SET borrower_kind = EXCLUDED.borrower_kind,
      loan_balance = EXCLUDED.loan_balance, other_balance = EXCLUDED.other_balance, small_agri_balance = EXCLUDED.small_agri_balance),
  gone AS (
    DELETE FROM household_balance h
     WHERE h.institution_id = $1
       AND h.borrower_id = ANY (ARRAY(SELECT n.borrower_id FROM n WHERE n.loan_balance + n.other_balance = 0)))
  INSERT INTO ledger_version AS v (institution_id, version, open_balance, open_small_agri, open_small_micro_loan, open_farmer_loan)
  SELECT $1, 1, sum(n.total), sum(n.small_agri),
         sum(CASE WHEN n.borrower_kind = ANY($6) THEN n.loan_balance ELSE 0 END - CASE WHEN n.old_kind = ANY($6) THEN n.old_loan ELSE 0 END),
         sum(CASE WHEN n.borrower_kind = ANY($7) THEN n.loan_balance ELSE 0 END - CASE WHEN n.old_kind = ANY($7) THEN n.old_loan ELSE 0 END)
    FROM n
  ON CONFLICT (institution_id) DO UPDATE SET version = v.version + 1,
    open_balance = v.open_balance + EXCLUDED.open_balance, open_small_agri = v.open_small_agri + EXCLUDED.open_small_agri,
    open_small_micro_loan = v.open_small_micro_loan + EXCLUDED.open_small_micro_loan,
    open_farmer_loan = v.open_farmer_loan + EXCLUDED.open_farmer_loan`;

/**
 * The open balances R17's warnings read (household_balance and ledger_version's open totals, migration
 * 1796400217391-HouseholdBalance): the guarantees not released, per institution and borrower. Every path that
 * opens or closes a guarantee calls it in its own transaction, right after its LedgerRepo write of the same
 * change: that write has taken the institution's ledger_version row first, so the writers of one institution
 * are in line before any household row, read the rows their predecessors committed, and cannot deadlock.
 */
export class BalanceRepo extends Repository {
  /** Guarantees granted (open from their grant, whatever their start date). */
  async opened(institutionId: string, rows: readonly OpenChange[]): Promise<void> {
    await this.apply(institutionId, rows, 1);
  }

  /** A guarantee released or ended by compensation: it leaves the open balances. */
  async closed(institutionId: string, row: OpenChange): Promise<void> {
    await this.apply(institutionId, [row], -1);
  }

  /**
   * Both tables recomputed from the guarantee table, set-based (the demo seed, after its bulk insert; a repair).
   * Takes every ledger_version row, so it waits for the writers in flight and none starts meanwhile, and bumps
   * each version: the caches keyed on them (platform/lib/answer-cache.ts) recompute what a repair changed.
   */
  async rebuild(): Promise<void> {
    const [small, farmer] = CLASSES();
    await this.manager.query(`SELECT 1 FROM ledger_version ORDER BY institution_id FOR UPDATE`);
    await this.manager.query(`DELETE FROM household_balance`);
    await this.manager.query(
      `INSERT INTO household_balance (institution_id, borrower_id, borrower_kind, loan_balance, other_balance, small_agri_balance)
       SELECT g.institution_id, g.borrower_id, b.kind,
              coalesce(sum(g.guaranteed_amount) FILTER (WHERE g.kind = 'LOAN'), 0),
              coalesce(sum(g.guaranteed_amount) FILTER (WHERE g.kind <> 'LOAN'), 0),
              coalesce(sum(g.guaranteed_amount) FILTER (WHERE g.small_agri), 0)
         FROM guarantee g JOIN borrower b ON b.id = g.borrower_id
        WHERE g.status = 'ACTIVE'
        GROUP BY g.institution_id, g.borrower_id, b.kind`,
    );
    await this.manager.query(
      `INSERT INTO ledger_version AS v (institution_id, version, open_balance, open_small_agri, open_small_micro_loan, open_farmer_loan)
       SELECT i.id, 1, coalesce(sum(h.balance), 0), coalesce(sum(h.small_agri_balance), 0),
              coalesce(sum(h.loan_balance) FILTER (WHERE h.borrower_kind = ANY($1)), 0),
              coalesce(sum(h.loan_balance) FILTER (WHERE h.borrower_kind = ANY($2)), 0)
         FROM guarantee_institution i LEFT JOIN household_balance h ON h.institution_id = i.id
        GROUP BY i.id ORDER BY i.id
       ON CONFLICT (institution_id) DO UPDATE SET version = v.version + 1,
         open_balance = EXCLUDED.open_balance, open_small_agri = EXCLUDED.open_small_agri,
         open_small_micro_loan = EXCLUDED.open_small_micro_loan, open_farmer_loan = EXCLUDED.open_farmer_loan`,
      [small, farmer],
    );
  }

  private async apply(institutionId: string, rows: readonly OpenChange[], sign: 1 | -1): Promise<void> {
    if (!rows.length) return;
    const [small, farmer] = CLASSES();
    await this.manager.query(APPLY, [
      institutionId,
      rows.map((r) => r.borrowerId),
      rows.map((r) => r.kind),
      rows.map((r) => r.guaranteedAmount),
      rows.map((r) => r.smallAgri),
      small,
      farmer,
      sign,
    ]);
  }
}
