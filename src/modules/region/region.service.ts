import type { EntityManager } from 'typeorm';
import { Region } from './region.entity';

/** Regions: public reference data (the city, its counties and districts, the development zones). */
export class RegionService {
  constructor(private readonly manager: EntityManager) {}

  list(): Promise<Region[]> {
    return this.manager.createQueryBuilder(Region, 'r').orderBy('r.sort_order').addOrderBy('r.code').getMany();
  }
}
