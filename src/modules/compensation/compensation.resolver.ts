import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context';
import { NotFoundError } from '../../platform/errors';
import type { Dec } from '../../platform/lib/decimal';
import { DateScalar, DecimalScalar } from '../../platform/scalars';
import { Guarantee } from '../guarantee/guarantee.entity';
import type { GuaranteeRecord } from '../guarantee/guarantee.repo';
import type { GuaranteeView } from '../guarantee/page/guarantee.joined';
import { LeadView } from '../lead/lead.types';
import { Compensation } from './compensation.entity';
import { CompensationInput } from './compensation.inputs';
import type { CompensationRecord } from './compensation.repo';

@Resolver(() => Compensation)
export class CompensationResolver {
  @Mutation(() => Compensation, {
    description:
      '代偿登记: the institution records a compensation of one of its guarantees; a suspected malicious default opens a lead (R12).',
  })
  recordCompensation(
    @Arg('input', () => CompensationInput, { description: '代偿登记内容' }) input: CompensationInput,
    @Ctx() ctx: Context,
  ): Promise<CompensationRecord> {
    return ctx.services.compensations.record(input);
  }

  @Mutation(() => Compensation, {
    description: '追偿登记: money recovered from the borrower after a compensation; the total never exceeds the compensation.',
  })
  recordRecovery(
    @Arg('compensationId', () => ID, { description: '代偿编号' }) compensationId: string,
    @Arg('amount', () => DecimalScalar, { description: '追偿金额 (yuan, 2 places)' }) amount: Dec,
    @Arg('recoveredOn', () => DateScalar, { description: '追偿日: not before the compensation, not in the future.' }) recoveredOn: string,
    @Ctx() ctx: Context,
  ): Promise<CompensationRecord> {
    return ctx.services.compensations.recordRecovery(compensationId, amount, recoveredOn);
  }

  /** Through the guarantee loader and its scope: a compensation never reveals a guarantee the viewer may not read. */
  @FieldResolver(() => Guarantee, { description: '被代偿的担保业务' })
  async guarantee(@Root() compensation: CompensationRecord, @Ctx() ctx: Context): Promise<GuaranteeView> {
    const guarantee = await ctx.loaders.guarantee.load(compensation.guaranteeId);
    if (!guarantee) throw new NotFoundError('Guarantee', compensation.guaranteeId);
    return guarantee;
  }

  @FieldResolver(() => LeadView, { nullable: true, description: '恶意逃废债线索 opened by this compensation, if the viewer may read it.' })
  lead(@Root() compensation: CompensationRecord, @Ctx() ctx: Context): Promise<LeadView | null> {
    return ctx.loaders.leadByCompensation.load(compensation.id);
  }
}

/** Guarantee.compensations lives with compensations: the guarantee module need not know them. */
@Resolver(() => Guarantee)
export class GuaranteeCompensationsResolver {
  @FieldResolver(() => [Compensation], { description: '代偿记录 of this guarantee, oldest first.' })
  compensations(@Root() guarantee: GuaranteeRecord, @Ctx() ctx: Context): Promise<CompensationRecord[]> {
    return ctx.loaders.compensationsByGuarantee.load(guarantee.id);
  }
}
