import type { SystemScope } from '../../access/system-scope';
import { Repository } from '../../platform/db/repository';
import type { IdentifierKind } from '../../platform/lib/identifiers';
import type { BorrowerKind } from './borrower.entity';

export interface BorrowerFacts {
  name: string;
  /** Normalised and check-verified (lib/identifiers.ts). */
  identifier: string;
  identifierKind: IdentifierKind;
  kind: BorrowerKind;
  regionId: string;
}

/** A borrower row as plain data (the hot page reads many; no entity hydration). */
export interface BorrowerRecord extends BorrowerFacts {
  id: string;
}

/** borrower rows: each institution's own (../shared/DESIGN.md §6 "Ownership"). */
export class BorrowerRepo extends Repository {
  /**
   * Registers the institution's borrowers by identifier — or brings the institution's own row up to date with
   * its latest declaration of name, kind and region — and returns identifier → id. Only rows of this
   * institution are ever written or returned (../shared/DESIGN.md §6 "Ownership"): another institution's row for the
   * same identifier is neither changed nor met, so nothing here depends on whether it exists — not the id
   * (fresh for every institution), not the outcome, not a lock wait.
   *
   * One statement, concurrency-safe (INSERT … ON CONFLICT). ON CONFLICT DO UPDATE also leaves every returned
   * row locked until the transaction ends: grants to one borrower at the institution serialise on it, which is
   * what keeps R1's per-household cap under concurrency (see grant.batch.ts). Rows are written in identifier
   * order, so two batches of the institution cannot deadlock on each other.
   */
  async upsert(institutionId: string, borrowers: readonly BorrowerFacts[]): Promise<Map<string, string>> {
    const latest = new Map<string, BorrowerFacts>();
    for (const b of borrowers) latest.set(b.identifier, b);
    const rows = [...latest.values()].sort((a, b) => (a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0));
    const ids = new Map<string, string>();
    if (rows.length === 0) return ids;
    const returned: { id: string; identifier: string }[] = await this.manager.query(
      `INSERT INTO borrower AS b (institution_id, identifier, identifier_kind, name, kind, region_id)
       SELECT $1::uuid, * FROM unnest($2::varchar[], $3::varchar[], $4::text[], $5::varchar[], $6::uuid[]) ORDER BY 2
       ON CONFLICT (institution_id, identifier)
         DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, region_id = EXCLUDED.region_id, updated_at = now()
       RETURNING b.id, b.identifier`,
      [
        institutionId,
        rows.map((r) => r.identifier),
        rows.map((r) => r.identifierKind),
        rows.map((r) => r.name),
        rows.map((r) => r.kind),
        rows.map((r) => r.regionId),
      ],
    );
    for (const r of returned) ids.set(r.identifier, r.id);
    return ids;
  }

  /**
   * Borrowers by id, as plain rows. Not scoped itself: borrowers are reached only through a guarantee (or a
   * lead) the viewer's scope already let through — and a guarantee's borrower row is always its own
   * institution's (fk_guarantee_borrower_institution) — and what of the borrower shows, the identifier in
   * full or masked, is decided there, by the owning institution (Scope.seesBorrowerIdentity).
   */
  byIds(_scope: SystemScope, ids: readonly string[]): Promise<BorrowerRecord[]> {
    return this.rows<BorrowerRecord>(
      `SELECT id, name, identifier, identifier_kind AS "identifierKind", kind, region_id AS "regionId" FROM borrower WHERE id = ANY(:ids)`,
      { ids: [...ids] },
    );
  }
}
