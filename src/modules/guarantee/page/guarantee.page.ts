import type { EntityManager } from 'typeorm';
import type { Scope } from '../../../access/scope';
import { BadInputError } from '../../../platform/errors';
import { isCalendarDate, monthBounds } from '../../../platform/lib/dates';
import { isUuid } from '../../../platform/lib/ids';
import type { GuaranteeFilter } from '../guarantee.inputs';
import { joinedLayout, joinedValues, toJoined, type GuaranteeView } from './guarantee.joined';
import { GuaranteeRepo } from '../guarantee.repo';
import type { PageSelection } from './guarantee.selection';
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

/** Where a cursor's text is encoded (synchronously, so one buffer serves every call): no buffer made per row. */
const CURSOR_BYTES = Buffer.alloc(256);

export function encodeCursor(row: { startOn: string; id: string }): string {
  const text = `${CURSOR_PREFIX}${row.startOn}:${row.id}`;
  // At most 3 bytes per UTF-16 unit: a text that could outgrow the buffer gets one of its own.
  if (text.length * 3 > CURSOR_BYTES.length) return Buffer.from(text, 'utf8').toString('base64url');
  return CURSOR_BYTES.toString('base64url', 0, CURSOR_BYTES.write(text, 0, 'utf8'));
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

export async function guaranteePage(
  manager: EntityManager,
  scope: Scope,
  args: { filter?: GuaranteeFilter | null; first?: number | null; after?: string | null },
  selection?: PageSelection,
): Promise<GuaranteeConnection> {
  const first = args.first ?? DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 0 || first > MAX_FIRST) throw new BadInputError('first', `first must be from 0 to ${MAX_FIRST}`);
  const after = args.after ? decodeCursor(args.after) : undefined;
  const { columns, rows } = await new GuaranteeRepo(manager).page(scope, args.filter, first + 1, after, selection);
  const hasNextPage = rows.length > first;
  const layout = joinedLayout(columns);
  const shared = { institutions: new Map(), banks: new Map() };
  const edges = rows.slice(0, first).map((row) => {
    const node = joinedValues(row, layout, scope, shared);
    return { cursor: encodeCursor(node), node };
  });
  let counted: Promise<number> | undefined;
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    count: () => (counted ??= countGuarantees(manager, scope, args.filter)),
  };
}

/** One guarantee in the viewer's scope with its relations; null when missing or out of scope. */
export async function findGuarantee(manager: EntityManager, scope: Scope, id: string): Promise<GuaranteeView | null> {
  const row = await new GuaranteeRepo(manager).findJoined(scope, id);
  return row ? toJoined(row, scope) : null;
}

/**
 * totalCount. Every guarantee is counted once in business_month_stats (institution × bank × region × start
 * month), kept current in each grant's transaction, and the scope conditions are over institution_id and
 * bank_id, which the aggregate has too: so a count whose filter the aggregate can express reads a few
 * hundred aggregate rows instead of scanning 10^6 guarantees (../shared/DESIGN.md §5). A status filter, or dates that
 * do not fall on month boundaries, count the guarantee rows themselves.
 */
function countGuarantees(manager: EntityManager, scope: Scope, filter: GuaranteeFilter | null | undefined): Promise<number> {
  const from = filter?.startOnFrom;
  const to = filter?.startOnTo;
  const monthAligned = (!from || from.endsWith('-01')) && (!to || to === monthBounds(to.slice(0, 7)).to);
  const repo = new GuaranteeRepo(manager);
  return filter?.status || !monthAligned ? repo.countRows(scope, filter) : repo.countFromAggregate(scope, filter);
}
