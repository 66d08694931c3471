import type { EntityManager } from 'typeorm';
import { BadInputError } from '../../platform/errors';
import { AuditLog } from './audit.entity';
import type { AuditLogArgs, AuditLogConnection } from './audit.types';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;
const CURSOR = /^audit:(\d{1,19})$/;

/** Reads of the audit log (ADMIN, FINANCIAL_REGULATOR): newest first, keyset-paged on the increasing id. */
export class AuditService {
  constructor(private readonly manager: EntityManager) {}

  async list(args: AuditLogArgs): Promise<AuditLogConnection> {
    const first = args.first ?? DEFAULT_PAGE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw new BadInputError('first', `first is from 1 to ${MAX_PAGE}`);
    const qb = this.manager.createQueryBuilder(AuditLog, 'a');
    if (args.operation) qb.andWhere('a.operation = :operation', { operation: args.operation });
    if (args.after) qb.andWhere('a.id < :after', { after: decodeCursor(args.after) });
    const rows = await qb
      .orderBy('a.id', 'DESC')
      .limit(first + 1)
      .getMany();
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
