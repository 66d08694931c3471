import type { SystemScope } from '../../access/system-scope';
import { Repository } from '../../platform/db/repository';
import { Region } from './region.entity';

/** Regions: public reference data, the same for every viewer; reads take a SystemScope naming that. */
export class RegionRepo extends Repository {
  list(_scope: SystemScope): Promise<Region[]> {
    return this.manager.createQueryBuilder(Region, 'r').orderBy('r.sort_order').addOrderBy('r.code').getMany();
  }

  /** Regions by id (ids checked to be UUIDs). */
  byIds(_scope: SystemScope, ids: readonly string[]): Promise<Region[]> {
    return this.manager
      .createQueryBuilder(Region, 'r')
      .where('r.id = ANY(:ids)', { ids: [...ids] })
      .getMany();
  }

  async exists(_scope: SystemScope, id: string): Promise<boolean> {
    return !!(await this.first(`SELECT 1 FROM region r WHERE r.id = :id`, { id }));
  }

  /** The region's kind (CITY, COUNTY …), or undefined when no region has the id. */
  async kind(_scope: SystemScope, id: string): Promise<string | undefined> {
    return (await this.first<{ kind: string }>(`SELECT r.kind FROM region r WHERE r.id = :id`, { id }))?.kind;
  }
}

/** The reason every region read gives. */
export const PUBLIC_REGIONS = 'regions are public reference data';
