import type { SystemScope } from '../../access/system-scope';
import { Repository } from '../../platform/db/repository';
import { PolicyParameterSet } from './policy.entity';

/**
 * policy_parameter_set (R14): reference data every rule reads, the same for every viewer. Its reads take a
 * SystemScope (not a viewer's): the caller names why reading unscoped is right.
 */
export class PolicyRepo extends Repository {
  /** The set with the latest effective date not after `on`, or null before the first. */
  inForce(_scope: SystemScope, on: string): Promise<PolicyParameterSet | null> {
    return this.manager
      .createQueryBuilder(PolicyParameterSet, 'p')
      .where('p.effective_on <= :on', { on })
      .orderBy('p.effective_on', 'DESC')
      .limit(1)
      .getOne();
  }

  /** Every set's effective date, oldest first. */
  async effectiveDates(_scope: SystemScope): Promise<string[]> {
    const rows = await this.rows<{ d: string }>(`SELECT effective_on::text AS d FROM policy_parameter_set ORDER BY effective_on`);
    return rows.map((r) => r.d);
  }

  /** Whether any set was in force by `on`. */
  async anyInForceBy(_scope: SystemScope, on: string): Promise<boolean> {
    return !!(await this.first(`SELECT 1 FROM policy_parameter_set WHERE effective_on <= :on LIMIT 1`, { on }));
  }

  /** Every set, oldest first (R14: the versions every government role reads). */
  list(_scope: SystemScope): Promise<PolicyParameterSet[]> {
    return this.manager.find(PolicyParameterSet, { order: { effectiveOn: 'ASC' } });
  }

  /** One set by id, or null. */
  get(_scope: SystemScope, id: string): Promise<PolicyParameterSet | null> {
    return this.manager.findOneBy(PolicyParameterSet, { id });
  }

  /** A new version from its stored columns (names from the caller's fixed list, never from input). */
  async insert(row: Record<string, unknown>): Promise<string> {
    const columns = Object.keys(row);
    const [{ id }] = await this.manager.query(
      `INSERT INTO policy_parameter_set (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      columns.map((c) => row[c]),
    );
    return id;
  }
}
