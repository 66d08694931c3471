import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { BadInputError, NotFoundError } from '../../platform/errors';
import { businessToday } from '../../platform/lib/dates';
import { dec, MAX_MONEY } from '../../platform/lib/decimal';
import { isUuid } from '../../platform/lib/ids';
import { parseInput } from '../../platform/validation/parse';
import type { CapitalInjection } from './capital.entity';
import { CapitalRepo } from './capital.repo';
import { CAPITAL_BASES, CapitalForm, type CapitalInjectionInput, injectionSchema } from './capital.types';

/** 动态资本金补充 (实施意见（六）, R10): injections and the institution capital they move. */
export class CapitalService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
  ) {}

  /** The injections the viewer may read, newest first; an unknown or out-of-scope institution gives none. */
  list(institutionId?: string | null): Promise<CapitalInjection[]> {
    if (institutionId != null && !isUuid(institutionId)) return Promise.resolve([]);
    return new CapitalRepo(this.manager).list(this.scope, { institutionId });
  }

  /**
   * Records an injection and moves the institution's capital in the same transaction. FINANCE (a county
   * finance bureau only in its county) or a county government for its region's institutions: an
   * institution outside the viewer's scope is NOT_FOUND, like a missing one.
   */
  async record(input: CapitalInjectionInput): Promise<CapitalInjection> {
    const recordedBy = this.scope.viewer?.sub ?? 'unknown';
    const { amount, injectedOn } = parseInput(injectionSchema, input);
    const today = businessToday();
    if (injectedOn > today) throw new BadInputError('injectedOn', `injectedOn may not be in the future (today is ${today})`);
    const basis = checkBasis(input.basis);
    if (!isUuid(input.institutionId)) throw new NotFoundError('Institution', input.institutionId);

    return this.manager.transaction(async (tx) => {
      const repo = new CapitalRepo(tx);
      const institution = await repo.lockCapital(this.scope, input.institutionId);
      if (!institution) throw new NotFoundError('Institution', input.institutionId);

      // 实施意见（六）出资入股与无偿捐资: an equity contribution (出资入股) is paid-in capital and so also net
      // assets; a donation (无偿捐资) adds to net assets (capital reserve) but is no paid-in capital.
      const equity = input.form === CapitalForm.EQUITY;
      const paidIn = equity ? dec(institution.paid_in).plus(amount) : dec(institution.paid_in);
      const netAssets = dec(institution.net_assets).plus(amount);
      if (paidIn.gt(MAX_MONEY) || netAssets.gt(MAX_MONEY))
        throw new BadInputError('amount', "amount would take the institution's capital beyond what can be recorded");

      const id = await repo.insert(
        { institutionId: input.institutionId, amount, source: input.source, form: input.form, basis, injectedOn, recordedBy },
        paidIn.toFixed(2),
        netAssets.toFixed(2),
      );
      return (await repo.get(this.scope, id))!;
    });
  }
}

/** The contract carries 补充依据 as free text; only the three links of 实施意见（六） are accepted. */
function checkBasis(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const basis = raw.trim();
  if (!CAPITAL_BASES.includes(basis)) throw new BadInputError('basis', `basis must be one of ${CAPITAL_BASES.join(', ')}`);
  return basis;
}
