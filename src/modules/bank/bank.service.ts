import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { BadInputError, ConflictError, ForbiddenError } from '../../platform/errors';
import { parseInput } from '../../platform/validation/parse';
import { SystemScope } from '../../access/system-scope';
import { PUBLIC_REGIONS, RegionRepo } from '../region/region.repo';
import type { Bank } from './bank.entity';
import { BankRepo } from './bank.repo';
import { bankSchema, type BankInput } from './bank.inputs';

/** Banks: reference data for every business role (a bank sees itself), recorded by the financial regulator. */
export class BankService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
  ) {}

  list(): Promise<Bank[]> {
    return new BankRepo(this.manager).list(this.scope);
  }

  /** 市地方金融监管局 records a bank; its name is unique. */
  async create(input: BankInput): Promise<Bank> {
    const parsed = parseInput(bankSchema, input);
    const name = parsed.name;
    const regionId = parsed.regionId ?? null;
    // A regulator narrowed to a county records that county's banks only (../shared/DESIGN.md §3); a city-wide bank is the city's.
    if (!this.scope.coversRegion(regionId ?? '')) throw new ForbiddenError('A county department records banks of its own region only');
    return this.manager.transaction(async (tx) => {
      if (regionId !== null && !(await new RegionRepo(tx).exists(SystemScope.because(PUBLIC_REGIONS), regionId)))
        throw new BadInputError('regionId', 'regionId names no region');
      const repo = new BankRepo(tx);
      if (await repo.nameTaken(SystemScope.because('bank names are unique in the hub'), name))
        throw new ConflictError(`A bank named ${name} exists`);
      const id = await repo.insert({ name, kind: input.kind, regionId });
      const [bank] = await repo.byIds(this.scope, [id]);
      return bank;
    });
  }
}
