import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors';
import { businessToday } from '../../platform/lib/dates';
import { isUuid } from '../../platform/lib/ids';
import { parseInput } from '../../platform/validation/parse';
import { SystemScope } from '../../access/system-scope';
import { PUBLIC_REGIONS, RegionRepo } from '../region/region.repo';
import { type GuaranteeInstitution, ListStatus } from './institution.entity';
import { InstitutionRepo } from './institution.repo';
import { institutionSchema, type InstitutionInput } from './institution.inputs';

/** 名单管理 moves forward one step at a time: reported to the province, then admitted (实施意见（三）). */
const LIST_ORDER: readonly ListStatus[] = [ListStatus.NOT_REPORTED, ListStatus.REPORTED, ListStatus.ADMITTED];

export class InstitutionService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
  ) {}

  list(): Promise<GuaranteeInstitution[]> {
    return new InstitutionRepo(this.manager).list(this.scope);
  }

  /** Out of scope and missing look the same: null. */
  async find(id: string): Promise<GuaranteeInstitution | null> {
    if (!isUuid(id)) return null;
    return new InstitutionRepo(this.manager).get(this.scope, id);
  }

  /** 市财政局 records an institution; a county finance bureau only in its own county. */
  async create(input: InstitutionInput): Promise<GuaranteeInstitution> {
    const { name, creditCode, registeredCapital, paidInCapital, netAssets, regionId } = parseInput(institutionSchema, input);
    if (!this.scope.coversRegion(regionId)) throw new ForbiddenError('A county department records institutions of its own region only');

    return this.manager.transaction(async (tx) => {
      if (!(await new RegionRepo(tx).exists(SystemScope.because(PUBLIC_REGIONS), regionId)))
        throw new BadInputError('regionId', 'regionId names no region');
      const repo = new InstitutionRepo(tx);
      const clash = await repo.clash(SystemScope.because('names and credit codes are unique in the hub'), name, creditCode);
      if (clash)
        throw new ConflictError(
          clash.same_name ? `An institution named ${name} exists` : `An institution with credit code ${creditCode} exists`,
        );
      const id = await repo.insert({
        name,
        creditCode,
        level: input.level,
        regionId,
        isReGuarantor: input.isReGuarantor ?? false,
        registeredCapital,
        paidInCapital,
        netAssets,
      });
      return (await repo.get(this.scope, id))!;
    });
  }

  /**
   * 市地方金融监管局 records that an institution was reported to the province (REPORTED) or admitted to the
   * managed list (ADMITTED). Forward only, one step at a time; `on` is the day it happened (not in the future,
   * and admission not before the report).
   */
  async updateListStatus(id: string, status: ListStatus, on: string): Promise<GuaranteeInstitution> {
    if (!isUuid(id)) throw new NotFoundError('Institution', id);
    const today = businessToday();
    if (on > today) throw new BadInputError('on', `on may not be in the future (today is ${today})`);
    return this.manager.transaction(async (tx) => {
      const repo = new InstitutionRepo(tx);
      const found = await repo.get(this.scope, id, true);
      if (!found) throw new NotFoundError('Institution', id);
      const from = LIST_ORDER.indexOf(found.listStatus);
      const to = LIST_ORDER.indexOf(status);
      if (to !== from + 1)
        throw new ConflictError(`The list status moves forward one step at a time; it is ${found.listStatus}, so ${status} is not next`);
      if (status === ListStatus.ADMITTED && found.reportedOn && on < found.reportedOn) {
        throw new BadInputError('on', `Admission (${on}) may not precede the report to the province (${found.reportedOn})`);
      }
      const column = status === ListStatus.REPORTED ? 'reported_on' : 'admitted_on';
      await repo.setListStatus(id, status, column, on);
      return (await repo.get(this.scope, id))!;
    });
  }
}
