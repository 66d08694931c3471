import type { EntityManager } from 'typeorm';
import { BadInputError } from '../../platform/errors';
import { SystemScope } from '../../access/system-scope';
import { AuditRepo } from './audit.repo';
import type { AuditLogArgs, AuditLogConnection } from './audit.types';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;
const CURSOR = /^audit:(\d{1,19})$/;

/** The shield admits the log's readers, who read all of it (../shared/DESIGN.md §3). */
const WHOLE_LOG = SystemScope.because('audit log: its readers read every row');

/** Reads of the audit log (ADMIN, FINANCIAL_REGULATOR): newest first, keyset-paged on the increasing id. */
export class AuditService {
  constructor(private readonly manager: EntityManager) {}

  async list(args: AuditLogArgs): Promise<AuditLogConnection> {
    const first = args.first ?? DEFAULT_PAGE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw new BadInputError('first', `first is from 1 to ${MAX_PAGE}`);
    const rows = await new AuditRepo(this.manager).page(
      WHOLE_LOG,
      { operation: args.operation, beforeId: args.after ? decodeCursor(args.after) : undefined },
      first + 1,
    );
    const page = rows.slice(0, first);
    const edges = page.map((node) => ({ cursor: encodeCursor(node.id), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

export function encodeCursor(id: string): string {
  return Buffer.from(`audit:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): string {
  const m = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new BadInputError('after', 'after is not a cursor of this list');
  return m[1];
}
