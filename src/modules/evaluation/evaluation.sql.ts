import type { EntityManager } from 'typeorm';
import type { HouseholdBalance } from './evaluation.calc';

/** The year's sums from the monthly aggregate (DESIGN §5: never a scan of the guarantees for flows). */
export interface YearFlows {
  newAmount: string;
  smallAgriAmount: string;
  feeWeightedAmount: string;
  releasedAmount: string;
  compensatedAmount: string;
}

export async function yearFlows(manager: EntityManager, institutionId: string, year: number): Promise<YearFlows> {
  const [row] = await manager.query(
    `SELECT COALESCE(SUM(new_amount), 0)::text AS new_amount,
            COALESCE(SUM(small_agri_amount), 0)::text AS small_agri_amount,
            COALESCE(SUM(fee_weighted_amount), 0)::text AS fee_weighted_amount,
            COALESCE(SUM(released_amount), 0)::text AS released_amount,
            COALESCE(SUM(compensated_amount), 0)::text AS compensated_amount
       FROM business_month_stats
      WHERE institution_id = $1 AND month >= make_date($2, 1, 1) AND month < make_date($2 + 1, 1, 1)`,
    [institutionId, year],
  );
  return {
    newAmount: row.new_amount,
    smallAgriAmount: row.small_agri_amount,
    feeWeightedAmount: row.fee_weighted_amount,
    releasedAmount: row.released_amount,
    compensatedAmount: row.compensated_amount,
  };
}

/**
 * R9's balance: the institution's guarantees in force at the end of `on` (started by then, not released by
 * then), summed per borrower and guarantee kind — a LOAN sum is the borrower's 单户在保余额. One query per
 * institution; it reads the guarantee table through ix_guarantee_institution.
 */
export async function inForceBalances(manager: EntityManager, institutionId: string, on: string): Promise<HouseholdBalance[]> {
  const rows: { borrower_kind: string; guarantee_kind: string; balance: string }[] = await manager.query(
    `SELECT b.kind AS borrower_kind, g.kind AS guarantee_kind, SUM(g.guaranteed_amount)::text AS balance
       FROM guarantee g JOIN borrower b ON b.id = g.borrower_id
      WHERE g.institution_id = $1 AND g.start_on <= $2 AND (g.released_on IS NULL OR g.released_on > $2)
      GROUP BY g.borrower_id, b.kind, g.kind`,
    [institutionId, on],
  );
  return rows.map((r) => ({ borrowerKind: r.borrower_kind, guaranteeKind: r.guarantee_kind, balance: r.balance }));
}
