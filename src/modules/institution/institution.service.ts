import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors';
import { businessToday } from '../../platform/lib/dates';
import { isUuid } from '../../platform/lib/ids';
import { parseInput } from '../../platform/validation/parse';
import { GuaranteeInstitution, ListStatus } from './institution.entity';
import { institutionSchema, type InstitutionInput } from './institution.inputs';

/** 名单管理 moves forward one step at a time: reported to the province, then admitted (实施意见（三）). */
const LIST_ORDER: readonly ListStatus[] = [ListStatus.NOT_REPORTED, ListStatus.REPORTED, ListStatus.ADMITTED];

export class InstitutionService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
  ) {}

  list(): Promise<GuaranteeInstitution[]> {
    const scoped = this.scope.institutions('i');
    return this.manager
      .createQueryBuilder(GuaranteeInstitution, 'i')
      .where(scoped.sql, scoped.params)
      .orderBy('i.level')
      .addOrderBy('i.name')
      .getMany();
  }

  /** Out of scope and missing look the same: null. */
  async find(id: string): Promise<GuaranteeInstitution | null> {
    if (!isUuid(id)) return null;
    const scoped = this.scope.institutions('i');
    return this.manager
      .createQueryBuilder(GuaranteeInstitution, 'i')
      .where('i.id = :id', { id })
      .andWhere(scoped.sql, scoped.params)
      .getOne();
  }

  /** 市财政局 records an institution; a county finance bureau only in its own county. */
  async create(input: InstitutionInput): Promise<GuaranteeInstitution> {
    const { name, creditCode, registeredCapital, paidInCapital, netAssets, regionId } = parseInput(institutionSchema, input);
    if (!this.scope.coversRegion(regionId)) throw new ForbiddenError('A county department records institutions of its own region only');

    return this.manager.transaction(async (tx) => {
      const [region] = await tx.query(`SELECT 1 FROM region WHERE id = $1`, [regionId]);
      if (!region) throw new BadInputError('regionId', 'regionId names no region');
      const [clash] = await tx.query(
        `SELECT name = $1 AS same_name FROM guarantee_institution WHERE name = $1 OR credit_code = $2 LIMIT 1`,
        [name, creditCode],
      );
      if (clash)
        throw new ConflictError(
          clash.same_name ? `An institution named ${name} exists` : `An institution with credit code ${creditCode} exists`,
        );
      const [{ id }] = await tx.query(
        `INSERT INTO guarantee_institution (name, credit_code, level, region_id, is_re_guarantor, registered_capital, paid_in_capital, net_assets)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [name, creditCode, input.level, regionId, input.isReGuarantor ?? false, registeredCapital, paidInCapital, netAssets],
      );
      return tx.findOneByOrFail(GuaranteeInstitution, { id });
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
      const scoped = this.scope.institutions('i');
      const found = await tx
        .createQueryBuilder(GuaranteeInstitution, 'i')
        .setLock('pessimistic_write')
        .where('i.id = :id', { id })
        .andWhere(scoped.sql, scoped.params)
        .getOne();
      if (!found) throw new NotFoundError('Institution', id);
      const from = LIST_ORDER.indexOf(found.listStatus);
      const to = LIST_ORDER.indexOf(status);
      if (to !== from + 1)
        throw new ConflictError(`The list status moves forward one step at a time; it is ${found.listStatus}, so ${status} is not next`);
      if (status === ListStatus.ADMITTED && found.reportedOn && on < found.reportedOn) {
        throw new BadInputError('on', `Admission (${on}) may not precede the report to the province (${found.reportedOn})`);
      }
      const column = status === ListStatus.REPORTED ? 'reported_on' : 'admitted_on';
      await tx.query(`UPDATE guarantee_institution SET list_status = $2, ${column} = $3 WHERE id = $1`, [id, status, on]);
      return tx.findOneByOrFail(GuaranteeInstitution, { id });
    });
  }
}
