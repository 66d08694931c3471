import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { BadInputError, NotFoundError, PolicyViolationError } from '../../platform/errors';
import { dec } from '../../platform/lib/decimal';
import { isUuid } from '../../platform/lib/ids';
import { parseInput } from '../../platform/validation/parse';
import type { PolicyService } from '../policy/policy.service';
import { CooperationAgreement } from './cooperation.entity';
import { agreementSchema, type CooperationAgreementInput } from './cooperation.inputs';

/** 银担合作协议: signed by the institution, read by both sides, the PBOC and the banking regulator. */
export class CooperationService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
    private readonly policy: PolicyService,
  ) {}

  /** Agreements in the viewer's scope, optionally of one institution and/or bank; newest first. */
  list(institutionId?: string | null, bankId?: string | null): Promise<CooperationAgreement[]> {
    if ((institutionId && !isUuid(institutionId)) || (bankId && !isUuid(bankId))) return Promise.resolve([]);
    const scoped = this.scope.agreements('a');
    const q = this.manager.createQueryBuilder(CooperationAgreement, 'a').where(scoped.sql, scoped.params);
    if (institutionId) q.andWhere('a.institution_id = :institutionId', { institutionId });
    if (bankId) q.andWhere('a.bank_id = :bankId', { bankId });
    return q.orderBy('a.signed_on', 'DESC').addOrderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').getMany();
  }

  /**
   * The institution signs for itself only (another institution's id is NOT_FOUND, as if it did not exist).
   * R5: the bank bears at least the policy minimum in force on the signing day (“原则上”不低于20%), or
   * the agreement records why not.
   */
  async sign(input: CooperationAgreementInput): Promise<CooperationAgreement> {
    if (!this.scope.actsFor(input.institutionId)) throw new NotFoundError('Institution', input.institutionId);
    const { bankRiskShare, creditLine, expiresOn, exceptionReason: reason } = parseInput(agreementSchema, input);

    return this.manager.transaction(async (tx) => {
      const [institution] = await tx.query(`SELECT 1 FROM guarantee_institution WHERE id = $1`, [input.institutionId]);
      if (!institution) throw new BadInputError('institutionId', 'institutionId names no institution');
      const [bank] = await tx.query(`SELECT 1 FROM bank WHERE id = $1`, [input.bankId]);
      if (!bank) throw new BadInputError('bankId', 'bankId names no bank');
      const { minBankRiskShare } = await this.policy.forBusinessOn(input.signedOn);
      if (dec(bankRiskShare).lt(minBankRiskShare) && reason === null) {
        throw new PolicyViolationError(
          `The bank bears ${bankRiskShare}, below the minimum ${minBankRiskShare}: record an exceptionReason (实施意见（五）)`,
          'R5',
        );
      }
      const [{ id }] = await tx.query(
        `INSERT INTO cooperation_agreement (institution_id, bank_id, bank_risk_share, credit_line, batch_mode, green_channel, exception_reason, signed_on, expires_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          input.institutionId,
          input.bankId,
          bankRiskShare,
          creditLine,
          input.batchMode,
          input.greenChannel ?? false,
          reason,
          input.signedOn,
          expiresOn,
        ],
      );
      return tx.findOneByOrFail(CooperationAgreement, { id });
    });
  }
}
