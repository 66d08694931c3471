import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { isUuid } from '../../platform/lib/ids';
import { LeadRepo } from './lead.repo';
import type { LeadView } from './lead.types';

/** The lead of each compensation (at most one), as the viewer may see it; null without one or outside scope.leads. */
export function leadByCompensationLoader(manager: EntityManager, scope: Scope): DataLoader<string, LeadView | null> {
  return new DataLoader<string, LeadView | null>(async (compensationIds) => {
    const valid = compensationIds.filter(isUuid);
    const entries = valid.length ? await new LeadRepo(manager).read(scope, { compensationIds: valid }) : [];
    const found = new Map(entries.map((entry) => [entry.compensationId, entry.view]));
    return compensationIds.map((id) => found.get(id) ?? null);
  });
}
