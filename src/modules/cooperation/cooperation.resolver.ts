import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context';
import { maskIdentifiersIn } from '../../access/mask';
import { Bank } from '../bank/bank.entity';
import { GuaranteeInstitution } from '../institution/institution.entity';
import { CooperationAgreement } from './cooperation.entity';
import { CooperationAgreementInput } from './cooperation.inputs';

@Resolver(() => CooperationAgreement)
export class CooperationResolver {
  @Query(() => [CooperationAgreement], {
    description: '银担合作协议 the viewer may see, optionally of one institution and/or one bank; newest first.',
  })
  cooperationAgreements(
    @Arg('institutionId', () => ID, { nullable: true, description: '担保机构' }) institutionId: string | null,
    @Arg('bankId', () => ID, { nullable: true, description: '合作银行' }) bankId: string | null,
    @Ctx() ctx: Context,
  ): Promise<CooperationAgreement[]> {
    return ctx.services.agreements.list(institutionId, bankId);
  }

  @Mutation(() => CooperationAgreement, {
    description: '签订银担合作协议: the institution records an agreement with a bank (R5: bank share ≥ 20% or an exceptionReason).',
  })
  signCooperationAgreement(
    @Arg('input', () => CooperationAgreementInput, { description: '协议内容' }) input: CooperationAgreementInput,
    @Ctx() ctx: Context,
  ): Promise<CooperationAgreement> {
    return ctx.services.agreements.sign(input);
  }

  @FieldResolver(() => GuaranteeInstitution, { description: '担保机构' })
  async institution(@Root() agreement: CooperationAgreement, @Ctx() ctx: Context): Promise<GuaranteeInstitution> {
    const found = await ctx.loaders.institution.load(agreement.institutionId);
    if (!found) throw new Error(`institution ${agreement.institutionId} of agreement ${agreement.id} is outside the viewer's scope`);
    return found;
  }

  @FieldResolver(() => Bank, { description: '合作银行' })
  async bank(@Root() agreement: CooperationAgreement, @Ctx() ctx: Context): Promise<Bank> {
    const found = await ctx.loaders.bank.load(agreement.bankId);
    if (!found) throw new Error(`bank ${agreement.bankId} of agreement ${agreement.id} is outside the viewer's scope`);
    return found;
  }

  /**
   * The reason is free text an institution writes, and may quote a borrower: its identifiers show in full only to
   * those who see the institution's borrowers (../shared/DESIGN.md §3, §6 "No identity leaks"); PBOC, the banking regulator
   * and the task-force office read them masked. The field keeps the entity's declaration.
   */
  @FieldResolver()
  exceptionReason(@Root() agreement: CooperationAgreement, @Ctx() ctx: Context): string | null {
    const reason = agreement.exceptionReason;
    if (reason === null || ctx.scope.seesBorrowerIdentity(agreement.institutionId)) return reason;
    return maskIdentifiersIn(reason);
  }
}
