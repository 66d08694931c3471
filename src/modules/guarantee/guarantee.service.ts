import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { BadInputError, ConflictError, NotFoundError } from '../../platform/errors';
import { businessToday } from '../../platform/lib/dates';
import { isUuid } from '../../platform/lib/ids';
import type { PolicyService } from '../policy/policy.service';
import { GrantBatch, lockInstitutionGrants, requireInstitution } from './grant/grant.batch';
import { endGuarantee } from './guarantee.end';
import { GuaranteeStatus } from './guarantee.entity';
import type { GuaranteeFilter, GuaranteeInput } from './guarantee.inputs';
import { findGuarantee, guaranteePage } from './page/guarantee.page';
import { GuaranteeRepo } from './guarantee.repo';
import type { GuaranteeView } from './page/guarantee.joined';
import type { PageSelection } from './page/guarantee.selection';
import type { GuaranteeConnection } from './guarantee.types';
import { issueError, validateGuarantee } from './grant/grant.validate';

/** 融资担保业务: recorded and released by the institution that gives it; read by every department in scope. */
export class GuaranteeService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
    private readonly policy: PolicyService,
  ) {}

  /** `selection`: what the query reads of each row (page/guarantee.selection.ts); absent, everything. */
  page(
    args: { filter?: GuaranteeFilter | null; first?: number | null; after?: string | null },
    selection?: PageSelection,
  ): Promise<GuaranteeConnection> {
    return guaranteePage(this.manager, this.scope, args, selection);
  }

  find(id: string): Promise<GuaranteeView | null> {
    return findGuarantee(this.manager, this.scope, id);
  }

  /**
   * Records one guarantee: the same validation and rules as a batch import row (guarantee.validate.ts,
   * grant.batch.ts), stopping at the first problem. Its code repeating one at the institution is a CONFLICT.
   */
  async create(input: GuaranteeInput): Promise<GuaranteeView> {
    if (!this.scope.actsFor(input.institutionId)) throw new NotFoundError('Institution', input.institutionId);
    const checked = validateGuarantee({ ...input, borrower: { ...input.borrower } });
    if (!checked.ok) throw issueError(checked.issues[0]);
    return this.manager.transaction(async (tx) => {
      await requireInstitution(tx, input.institutionId);
      await lockInstitutionGrants(tx, input.institutionId, 'shared');
      const [outcome] = await new GrantBatch(tx, input.institutionId, this.policy, false).grant([checked.value]);
      if (outcome.kind === 'duplicate') throw new ConflictError(`The institution already has a guarantee with code ${checked.value.code}`);
      if (outcome.kind === 'rejected') throw issueError(outcome.issue);
      return this.asWritten(tx, outcome.row.id);
    });
  }

  /**
   * 解保: the borrower repaid. Only an ACTIVE guarantee is released (else CONFLICT), on a day from its start
   * to today. Its amount leaves the agreement's used credit (R6) and counts as released that month (R7).
   */
  async release(id: string, releasedOn: string): Promise<GuaranteeView> {
    if (!isUuid(id)) throw new NotFoundError('Guarantee', id);
    return this.manager.transaction(async (tx) => {
      const g = await new GuaranteeRepo(tx).lock(this.scope, id);
      if (!g || !this.scope.actsFor(g.institutionId)) throw new NotFoundError('Guarantee', id);
      if (g.status !== GuaranteeStatus.ACTIVE)
        throw new ConflictError(`Guarantee ${id} is ${g.status}: only an ACTIVE guarantee is released`);
      if (releasedOn < g.startOn)
        throw new BadInputError('releasedOn', `releasedOn may not be before the guarantee started (${g.startOn})`);
      const today = businessToday();
      if (releasedOn > today) throw new BadInputError('releasedOn', `releasedOn may not be in the future (today is ${today})`);

      await endGuarantee(tx, g, GuaranteeStatus.RELEASED, releasedOn);
      return this.asWritten(tx, id);
    });
  }

  /** The guarantee just written, read back in its transaction with its relations, as every read hands it out. */
  private async asWritten(tx: EntityManager, id: string): Promise<GuaranteeView> {
    const written = await findGuarantee(tx, this.scope, id);
    if (!written) throw new Error(`guarantee ${id}, just written, is outside its writer's scope`);
    return written;
  }
}
