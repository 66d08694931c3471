import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { BalanceRepo } from '../../src/modules/ledger/ledger.balances';
import { createBorrower, createInstitution } from '../fixtures/business';
import { inRollback } from '../support/db';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Join Filter'?: number;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** The plan of the one statement `run` issues, as it ran (EXPLAIN ANALYZE: it runs, in the test's transaction). */
async function planOf(m: EntityManager, run: () => Promise<unknown>): Promise<PlanNode> {
  const runner = m.queryRunner!;
  const original = runner.query.bind(runner);
  let captured: [string, unknown[]] | undefined;
  runner.query = (async (sql: string, params?: unknown[]) => {
    captured = [sql, params ?? []];
    return [];
  }) as typeof runner.query;
  try {
    await run();
  } finally {
    runner.query = original;
  }
  const [[{ 'QUERY PLAN': plan }]] = [await m.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${captured![0]}`, captured![1])];
  return plan[0].Plan as PlanNode;
}

/**
 * A 总对总 import writes an institution's open balances a chunk at a time, often an institution the planner's
 * statistics have not met (no ANALYZE since its rows arrived). Planned as a join, each chunk then read the
 * institution's household_balance rows once per borrower: 216 rows/s at 10^7 guarantees, past the statement timeout.
 * Gathered by GROUP BY, not joined, the rows are read once per statement, whatever the plan.
 */
describe('BalanceRepo.opened: household_balance read once, whatever the statistics', () => {
  it("reads each borrower's household_balance row once, never the institution once per borrower", async () => {
    await inRollback(async (m) => {
      const institution = await createInstitution(m);
      const borrowers = [];
      for (let i = 0; i < 300; i++) borrowers.push(await createBorrower(m, institution.id));
      const rows = borrowers.map((b) => ({ borrowerId: b.id, kind: 'LOAN', guaranteedAmount: '100000.00', smallAgri: true }));
      const repo = new BalanceRepo(m);
      await repo.opened(institution.id, rows);
      // Whatever the planner picks: here nested loops, the plan that read an import's institution once per borrower.
      await m.query(`SET LOCAL enable_hashjoin = off`);
      await m.query(`SET LOCAL enable_mergejoin = off`);
      const plan = await planOf(m, () => repo.opened(institution.id, rows));
      const all = nodes(plan);
      const reads = all.filter((n) => n['Relation Name'] === 'household_balance' && /Scan/.test(n['Node Type']));
      expect(reads.map((n) => n['Actual Loops'])).toEqual(reads.map(() => 1));
      expect(all.reduce((sum, n) => sum + (n['Rows Removed by Join Filter'] ?? 0), 0)).toBe(0);
    });
  });
});
