import type { SystemScope } from '../../access/system-scope';
import { Repository } from '../../platform/db/repository';
import { AuditLog } from './audit.entity';

/**
 * audit_log's reads. The log has no row scope: the shield admits its readers (ADMIN, FINANCIAL_REGULATOR),
 * who read every row, so its reads take a SystemScope naming that.
 */
export class AuditRepo extends Repository {
  /** Newest first, keyset-paged on the increasing id; `limit` rows at most. */
  page(_scope: SystemScope, filter: { operation?: string | null; beforeId?: string }, limit: number): Promise<AuditLog[]> {
    const qb = this.manager.createQueryBuilder(AuditLog, 'a');
    if (filter.operation) qb.andWhere('a.operation = :operation', { operation: filter.operation });
    if (filter.beforeId) qb.andWhere('a.id < :after', { after: filter.beforeId });
    return qb.orderBy('a.id', 'DESC').limit(limit).getMany();
  }
}
