import type { EntityManager } from 'typeorm';
import { SystemScope } from '../../access/system-scope';
import type { Region } from './region.entity';
import { PUBLIC_REGIONS, RegionRepo } from './region.repo';

/** Regions: public reference data (the city, its counties and districts, the development zones). */
export class RegionService {
  constructor(private readonly manager: EntityManager) {}

  list(): Promise<Region[]> {
    return new RegionRepo(this.manager).list(SystemScope.because(PUBLIC_REGIONS));
  }
}
