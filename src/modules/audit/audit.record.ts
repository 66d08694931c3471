import type { EntityManager } from 'typeorm';
import type { Viewer } from '../../access/viewer';
import { AuditOutcome } from './audit.entity';
import { redactArgs, storable, targetIds } from './audit.redact';

export interface MutationRecord {
  viewer: Viewer | null;
  operation: string;
  args: Record<string, unknown>;
  /** The value an accepted mutation returned (its ids are kept); absent for a refused one. */
  result?: unknown;
  /** The code the client was given for a refused mutation. */
  errorCode?: string;
}

/**
 * One row of the append-only audit log. An accepted mutation's row is written on the mutation's own
 * transaction, so the two commit together (../shared/DESIGN.md §6, "nothing without a trace"); a refused one's row
 * after its rollback. Every string is made storable first: jsonb and text refuse NUL and lone surrogates,
 * and a row that cannot be written would take the mutation down with it.
 */
export async function recordMutation(manager: EntityManager, entry: MutationRecord): Promise<void> {
  const refused = entry.errorCode !== undefined;
  await manager.query(
    `INSERT INTO audit_log (at, actor_sub, actor_role, operation, target_ids, outcome, error_code, detail)
     VALUES (clock_timestamp(), $1, $2, $3, $4, $5, $6, $7)`,
    [
      entry.viewer ? storable(entry.viewer.sub) : null,
      entry.viewer?.role ?? null,
      entry.operation,
      targetIds(entry.args, refused ? undefined : entry.result).map(storable),
      refused ? AuditOutcome.REJECTED : AuditOutcome.ACCEPTED,
      entry.errorCode ?? null,
      JSON.stringify({ args: redactArgs(entry.args) }),
    ],
  );
}
