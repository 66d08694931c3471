import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { BadInputError, ConflictError, ForbiddenError } from '../../platform/errors';
import { parseInput } from '../../platform/validation/parse';
import { Bank } from './bank.entity';
import { bankSchema, type BankInput } from './bank.inputs';

/** Banks: reference data for every business role (a bank sees itself), recorded by the financial regulator. */
export class BankService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
  ) {}

  list(): Promise<Bank[]> {
    const scoped = this.scope.banks('b');
    return this.manager.createQueryBuilder(Bank, 'b').where(scoped.sql, scoped.params).orderBy('b.name').getMany();
  }

  /** 市地方金融监管局 records a bank; its name is unique. */
  async create(input: BankInput): Promise<Bank> {
    const parsed = parseInput(bankSchema, input);
    const name = parsed.name;
    const regionId = parsed.regionId ?? null;
    // A regulator narrowed to a county records that county's banks only (DESIGN.md §3); a city-wide bank is the city's.
    if (!this.scope.coversRegion(regionId ?? '')) throw new ForbiddenError('A county department records banks of its own region only');
    return this.manager.transaction(async (tx) => {
      if (regionId !== null) {
        const [region] = await tx.query(`SELECT 1 FROM region WHERE id = $1`, [regionId]);
        if (!region) throw new BadInputError('regionId', 'regionId names no region');
      }
      const [clash] = await tx.query(`SELECT 1 FROM bank WHERE name = $1`, [name]);
      if (clash) throw new ConflictError(`A bank named ${name} exists`);
      const [{ id }] = await tx.query(`INSERT INTO bank (name, kind, region_id) VALUES ($1, $2, $3) RETURNING id`, [
        name,
        input.kind,
        regionId,
      ]);
      return tx.findOneByOrFail(Bank, { id });
    });
  }
}
