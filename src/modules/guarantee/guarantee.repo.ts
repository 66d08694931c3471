import type { Scope } from '../../access/scope';
import { Repository } from '../../platform/db/repository';
import { isUuid } from '../../platform/lib/ids';
import { GUARANTEE_COLUMNS, guaranteeJoin } from './guarantee.columns';
import type { PageSelection } from './page/guarantee.selection';
import type { GuaranteeKind, GuaranteeStatus } from './guarantee.entity';

/**
 * A guarantee as plain row data (camelCase, numerics as their exact text, dates as 'YYYY-MM-DD'): what the
 * hot `guarantees` page and every write return. Hydrating TypeORM entities costs more than the query
 * (STACK.md); the GraphQL fields read these properties directly, like an entity's.
 */
export interface GuaranteeRecord {
  id: string;
  code: string;
  institutionId: string;
  bankId: string;
  agreementId: string | null;
  borrowerId: string;
  regionId: string;
  kind: GuaranteeKind;
  loanAmount: string;
  guaranteedAmount: string;
  feeRate: string;
  bankRiskShare: string;
  startOn: string;
  endOn: string;
  status: GuaranteeStatus;
  releasedOn: string | null;
  smallAgri: boolean;
  reGuaranteed: boolean;
  compensatedAmount: string;
}

export { GUARANTEE_COLUMNS, guaranteeJoin };

/** The viewer's scope and a page's filter, as conditions over alias g (the ids already checked to be UUIDs). */
export interface GuaranteeWhere {
  institutionId?: string | null;
  bankId?: string | null;
  regionId?: string | null;
  status?: GuaranteeStatus | null;
  smallAgri?: boolean | null;
  startOnFrom?: string | null;
  startOnTo?: string | null;
}

/** A page's filter as conditions over alias g after the scope's. An id that names nothing matches nothing. */
function filtered(scope: Scope, filter: GuaranteeWhere | null | undefined): { sql: string[]; params: Record<string, unknown> } {
  const scoped = scope.guarantees('g');
  const sql = [scoped.sql];
  const params: Record<string, unknown> = { ...scoped.params };
  const byId = (column: string, name: string, value: string | null | undefined) => {
    if (value === null || value === undefined) return;
    if (!isUuid(value)) sql.push('FALSE');
    else {
      sql.push(`g.${column} = :${name}`);
      params[name] = value;
    }
  };
  byId('institution_id', 'f_institution', filter?.institutionId);
  byId('bank_id', 'f_bank', filter?.bankId);
  byId('region_id', 'f_region', filter?.regionId);
  if (filter?.status) {
    sql.push('g.status = :f_status');
    params.f_status = filter.status;
  }
  if (filter?.smallAgri !== null && filter?.smallAgri !== undefined) {
    sql.push('g.small_agri = :f_small_agri');
    params.f_small_agri = filter.smallAgri;
  }
  if (filter?.startOnFrom) {
    sql.push('g.start_on >= :f_from');
    params.f_from = filter.startOnFrom;
  }
  if (filter?.startOnTo) {
    sql.push('g.start_on <= :f_to');
    params.f_to = filter.startOnTo;
  }
  return { sql, params };
}

/** A joined row: the guarantee's columns and its relations' under the prefixes i_, b_ and br_ (page/guarantee.joined.ts splits it). */
export type JoinedRow = GuaranteeRecord & Record<string, unknown>;

/** The guarantee table's SQL: the hot page, single reads, the scoped loader, and the writes of a guarantee's life after its grant. */
export class GuaranteeRepo extends Repository {
  /**
   * A keyset page on (start_on DESC, id DESC) of the guarantees in scope, with the relations the query selects;
   * `limit` rows at most, each as its values in the order `columns` names them (a JoinedRow's keys).
   */
  async page(
    scope: Scope,
    filter: GuaranteeWhere | null | undefined,
    limit: number,
    after?: { startOn: string; id: string },
    selection?: PageSelection,
  ): Promise<{ columns: readonly string[]; rows: unknown[][] }> {
    // The limit is written into the text (a checked integer): a prepared statement's generic plan then knows it.
    if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a whole number, not ${limit}`);
    const where = filtered(scope, filter);
    const params: Record<string, unknown> = { ...where.params };
    if (after) {
      // The plain bound on start_on is implied by the row comparison; it is there for PostgreSQL, which prunes the
      // partitions of later years by it (partition pruning does not read row comparisons).
      where.sql.push('g.start_on <= :p_after_start', '(g.start_on, g.id) < (:p_after_start, :p_after_id)');
      Object.assign(params, { p_after_start: after.startOn, p_after_id: after.id });
    }
    const j = guaranteeJoin(scope, selection);
    // Prepared: PostgreSQL planned this four-way join on every request for longer than it ran it.
    const rows = await this.preparedValues(
      `SELECT ${j.select} FROM ${j.from} WHERE ${where.sql.join(' AND ')} ORDER BY g.start_on DESC, g.id DESC LIMIT ${limit}`,
      { ...params, ...j.params },
    );
    return { columns: j.columns, rows };
  }

  /** One guarantee in scope with its relations; undefined when missing or out of scope. */
  async findJoined(scope: Scope, id: string): Promise<JoinedRow | undefined> {
    if (!isUuid(id)) return undefined;
    const scoped = scope.guarantees('g');
    const j = guaranteeJoin(scope);
    return this.first<JoinedRow>(`SELECT ${j.select} FROM ${j.from} WHERE g.id = :g_id AND ${scoped.sql}`, {
      ...scoped.params,
      ...j.params,
      g_id: id,
    });
  }

  /** Guarantees by id in scope, with their relations (Compensation.guarantee's loader). */
  byIds(scope: Scope, ids: readonly string[]): Promise<JoinedRow[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return Promise.resolve([]);
    const scoped = scope.guarantees('g');
    const j = guaranteeJoin(scope);
    return this.rows<JoinedRow>(`SELECT ${j.select} FROM ${j.from} WHERE g.id = ANY(:ids) AND ${scoped.sql}`, {
      ...scoped.params,
      ...j.params,
      ids: valid,
    });
  }

  /** One guarantee in scope, locked FOR UPDATE until the caller's transaction ends. */
  lock(scope: Scope, id: string): Promise<GuaranteeRecord | undefined> {
    const scoped = scope.guarantees('g');
    return this.first<GuaranteeRecord>(`SELECT ${GUARANTEE_COLUMNS} FROM guarantee g WHERE g.id = :g_id AND ${scoped.sql} FOR UPDATE`, {
      ...scoped.params,
      g_id: id,
    });
  }

  /** totalCount from the guarantee rows themselves (a status filter, or dates off month boundaries). */
  async countRows(scope: Scope, filter: GuaranteeWhere | null | undefined): Promise<number> {
    const where = filtered(scope, filter);
    const r = await this.first<{ n: number }>(`SELECT count(*)::int AS n FROM guarantee g WHERE ${where.sql.join(' AND ')}`, where.params);
    return r!.n;
  }

  /**
   * totalCount from business_month_stats, where every guarantee is counted once (institution × bank × region
   * × start month) and the scope's columns exist too: a few hundred aggregate rows instead of 10^6 guarantees
   * (../shared/DESIGN.md §5). Only for filters the aggregate can express (no status, month-aligned dates).
   */
  async countFromAggregate(scope: Scope, filter: GuaranteeWhere | null | undefined): Promise<number> {
    const scoped = scope.guarantees('s');
    const sql = [scoped.sql];
    const params: Record<string, unknown> = { ...scoped.params };
    for (const [column, value] of [
      ['institution_id', filter?.institutionId],
      ['bank_id', filter?.bankId],
      ['region_id', filter?.regionId],
    ] as const) {
      if (value === null || value === undefined) continue;
      if (!isUuid(value)) return 0;
      sql.push(`s.${column} = :c_${column}`);
      params[`c_${column}`] = value;
    }
    if (filter?.startOnFrom) {
      sql.push('s.month >= :c_from');
      params.c_from = filter.startOnFrom;
    }
    if (filter?.startOnTo) {
      sql.push('s.month <= :c_to');
      params.c_to = `${filter.startOnTo.slice(0, 7)}-01`;
    }
    const counted =
      filter?.smallAgri === true ? 's.small_agri_count' : filter?.smallAgri === false ? 's.new_count - s.small_agri_count' : 's.new_count';
    const [r] = await this.preparedRows<{ n: number }>(
      `SELECT coalesce(sum(${counted}), 0)::int AS n FROM business_month_stats s WHERE ${sql.join(' AND ')}`,
      params,
    );
    return r!.n;
  }

  /** The guarantee leaves force (repaid or compensated) on a day: its status and release date. */
  async setEnded(id: string, status: GuaranteeStatus, on: string): Promise<GuaranteeRecord> {
    const [row] = await this.rows<GuaranteeRecord>(
      `UPDATE guarantee g SET status = :g_status, released_on = :g_on WHERE g.id = :g_id RETURNING ${GUARANTEE_COLUMNS}`,
      { g_id: id, g_status: status, g_on: on },
    );
    return row;
  }

  /** A compensation paid on the guarantee (the caller holds its row lock). */
  async addCompensated(id: string, amount: string): Promise<void> {
    await this.manager.query(`UPDATE guarantee SET compensated_amount = compensated_amount + $2 WHERE id = $1`, [id, amount]);
  }
}
