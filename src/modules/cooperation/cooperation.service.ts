import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { BadInputError, NotFoundError, PolicyViolationError } from '../../platform/errors';
import { dec } from '../../platform/lib/decimal';
import { isUuid } from '../../platform/lib/ids';
import { parseInput } from '../../platform/validation/parse';
import type { PolicyService } from '../policy/policy.service';
import type { CooperationAgreement } from './cooperation.entity';
import { CooperationRepo } from './cooperation.repo';
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
    return new CooperationRepo(this.manager).list(this.scope, { institutionId, bankId });
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
      const repo = new CooperationRepo(tx);
      if (!(await repo.institutionExists(this.scope, input.institutionId)))
        throw new BadInputError('institutionId', 'institutionId names no institution');
      if (!(await repo.bankExists(this.scope, input.bankId))) throw new BadInputError('bankId', 'bankId names no bank');
      const { minBankRiskShare } = await this.policy.forBusinessOn(input.signedOn);
      if (dec(bankRiskShare).lt(minBankRiskShare) && reason === null) {
        throw new PolicyViolationError(
          `The bank bears ${bankRiskShare}, below the minimum ${minBankRiskShare}: record an exceptionReason (实施意见（五）)`,
          'R5',
        );
      }
      const id = await repo.insert({
        institutionId: input.institutionId,
        bankId: input.bankId,
        bankRiskShare,
        creditLine,
        batchMode: input.batchMode,
        greenChannel: input.greenChannel ?? false,
        exceptionReason: reason,
        signedOn: input.signedOn,
        expiresOn,
      });
      return (await repo.get(this.scope, id))!;
    });
  }
}
