import type { EntityManager } from 'typeorm';
import type { Scope } from '../../../access/scope';
import { BadInputError } from '../../../platform/errors';
import { isCalendarDate, monthBounds } from '../../../platform/lib/dates';
import { isUuid } from '../../../platform/lib/ids';
import type { GuaranteeFilter } from '../guarantee.inputs';
import { joinedSelect, toJoined, type JoinedGuarantee } from './guarantee.joined';
import { type GuaranteeRecord } from '../guarantee.sql';
import { queryRows } from '../../../platform/db/sql';
import type { GuaranteeConnection } from '../guarantee.types';

/**
 * The `guarantees` page, the hub's hottest read (10^5–10^6 rows): one SQL query of plain rows, keyset
 * pagination on (start_on DESC, id DESC) — served backwards by the (start_on, id) index and by the
 * (institution_id | bank_id | region_id, start_on, id) indexes when a filter names one — and the count
 * as a separate query, run only when `totalCount` is selected. A keyset cursor is stable under inserts:
 * a page never repeats or skips a row that existed when the previous page was read.
 */
export const DEFAULT_FIRST = 50;
export const MAX_FIRST = 500;
const CURSOR_PREFIX = 'g1:';

export function encodeCursor(row: { startOn: string; id: string }): string {
  return Buffer.from(`${CURSOR_PREFIX}${row.startOn}:${row.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { startOn: string; id: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const startOn = text.slice(CURSOR_PREFIX.length, CURSOR_PREFIX.length + 10);
  const id = text.slice(CURSOR_PREFIX.length + 11);
  if (!text.startsWith(CURSOR_PREFIX) || !isCalendarDate(startOn) || text[CURSOR_PREFIX.length + 10] !== ':' || !isUuid(id)) {
    throw new BadInputError('after', 'after is not a cursor of this list');
  }
  return { startOn, id };
}

/** The scope and the filter as one condition over alias g. An id that names nothing matches nothing. */
function conditions(scope: Scope, filter: GuaranteeFilter | null | undefined): { sql: string[]; params: Record<string, unknown> } {
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

export async function guaranteePage(
  manager: EntityManager,
  scope: Scope,
  args: { filter?: GuaranteeFilter | null; first?: number | null; after?: string | null },
): Promise<GuaranteeConnection> {
  const first = args.first ?? DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 0 || first > MAX_FIRST) throw new BadInputError('first', `first must be from 0 to ${MAX_FIRST}`);
  const where = conditions(scope, args.filter);
  const page = { sql: [...where.sql], params: { ...where.params, p_limit: first + 1 } as Record<string, unknown> };
  if (args.after) {
    const after = decodeCursor(args.after);
    page.sql.push('(g.start_on, g.id) < (:p_after_start, :p_after_id)');
    Object.assign(page.params, { p_after_start: after.startOn, p_after_id: after.id });
  }
  const joined = joinedSelect(scope);
  const rows = await queryRows<GuaranteeRecord & Record<string, unknown>>(
    manager,
    `SELECT ${joined.select} FROM ${joined.from} WHERE ${page.sql.join(' AND ')} ORDER BY g.start_on DESC, g.id DESC LIMIT :p_limit`,
    { ...page.params, ...joined.params },
  );
  const hasNextPage = rows.length > first;
  const edges = rows.slice(0, first).map((row) => {
    const node = toJoined(row, scope);
    return { cursor: encodeCursor(node), node };
  });
  let counted: Promise<number> | undefined;
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    count: () => (counted ??= countGuarantees(manager, scope, args.filter, where)),
  };
}

/** One guarantee in the viewer's scope, as a plain row; null when missing or out of scope. */
export async function findGuarantee(manager: EntityManager, scope: Scope, id: string): Promise<JoinedGuarantee | null> {
  if (!isUuid(id)) return null;
  const scoped = scope.guarantees('g');
  const joined = joinedSelect(scope);
  const [row] = await queryRows<GuaranteeRecord & Record<string, unknown>>(
    manager,
    `SELECT ${joined.select} FROM ${joined.from} WHERE g.id = :g_id AND ${scoped.sql}`,
    {
      ...scoped.params,
      ...joined.params,
      g_id: id,
    },
  );
  return row ? toJoined(row, scope) : null;
}

/**
 * totalCount. Every guarantee is counted once in business_month_stats (institution × bank × region × start
 * month), kept current in each grant's transaction, and the scope conditions are over institution_id and
 * bank_id, which the aggregate has too: so a count whose filter the aggregate can express reads a few
 * hundred aggregate rows instead of scanning 10^6 guarantees (DESIGN.md §5). A status filter, or dates that
 * do not fall on month boundaries, count the guarantee rows themselves.
 */
async function countGuarantees(
  manager: EntityManager,
  scope: Scope,
  filter: GuaranteeFilter | null | undefined,
  where: { sql: string[]; params: Record<string, unknown> },
): Promise<number> {
  const from = filter?.startOnFrom;
  const to = filter?.startOnTo;
  const monthAligned = (!from || from.endsWith('-01')) && (!to || to === monthBounds(to.slice(0, 7)).to);
  if (filter?.status || !monthAligned) {
    const [r] = await queryRows<{ n: number }>(
      manager,
      `SELECT count(*)::int AS n FROM guarantee g WHERE ${where.sql.join(' AND ')}`,
      where.params,
    );
    return r.n;
  }
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
  if (from) {
    sql.push('s.month >= :c_from');
    params.c_from = from;
  }
  if (to) {
    sql.push('s.month <= :c_to');
    params.c_to = `${to.slice(0, 7)}-01`;
  }
  const counted =
    filter?.smallAgri === true ? 's.small_agri_count' : filter?.smallAgri === false ? 's.new_count - s.small_agri_count' : 's.new_count';
  const [r] = await queryRows<{ n: number }>(
    manager,
    `SELECT coalesce(sum(${counted}), 0)::int AS n FROM business_month_stats s WHERE ${sql.join(' AND ')}`,
    params,
  );
  return r.n;
}
