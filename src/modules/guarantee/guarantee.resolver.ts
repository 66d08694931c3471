import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context';
import { DateScalar } from '../../platform/scalars';
import { Guarantee } from './guarantee.entity';
import { GuaranteeFilter, GuaranteeInput } from './guarantee.inputs';
import type { GuaranteeView } from './page/guarantee.joined';
import { pageSelection } from './page/guarantee.selection';
import { GuaranteeConnection, GuaranteeImportResult } from './guarantee.types';

/** A guarantee's institution, bank and borrower come with it from every read (page/guarantee.joined.ts): no resolver. */
@Resolver(() => Guarantee)
export class GuaranteeResolver {
  @Query(() => GuaranteeConnection, { description: '融资担保业务 the viewer may see, newest start date first (Relay connection).' })
  guarantees(
    @Arg('filter', () => GuaranteeFilter, { nullable: true, description: '筛选条件' }) filter: GuaranteeFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 50, at most 500.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GuaranteeConnection> {
    return ctx.services.guarantees.page({ filter, first, after }, pageSelection(info));
  }

  @Query(() => Guarantee, { nullable: true, description: "One guarantee; null when missing or outside the viewer's scope." })
  guarantee(@Arg('id', () => ID, { description: '担保业务编号' }) id: string, @Ctx() ctx: Context): Promise<GuaranteeView | null> {
    return ctx.services.guarantees.find(id);
  }

  @Mutation(() => Guarantee, {
    description: '登记担保业务: R1 支小支农 decided, R2 and R6 enforced; the borrower is registered by its identifier.',
  })
  createGuarantee(
    @Arg('input', () => GuaranteeInput, { description: '担保业务' }) input: GuaranteeInput,
    @Ctx() ctx: Context,
  ): Promise<GuaranteeView> {
    return ctx.services.guarantees.create(input);
  }

  @Mutation(() => Guarantee, { description: '解保: the borrower repaid; only an ACTIVE guarantee, on a day from its start to today.' })
  releaseGuarantee(
    @Arg('id', () => ID, { description: '担保业务编号' }) id: string,
    @Arg('releasedOn', () => DateScalar, { description: '解保日' }) releasedOn: string,
    @Ctx() ctx: Context,
  ): Promise<GuaranteeView> {
    return ctx.services.guarantees.release(id, releasedOn);
  }

  @Mutation(() => GuaranteeImportResult, {
    description:
      '“总对总”批量导入 (CSV with the header of ../shared/DESIGN.md §4): valid rows accepted in one transaction, each invalid row reported.',
  })
  importGuarantees(
    @Arg('institutionId', () => ID, { description: "担保机构 (the caller's own)" }) institutionId: string,
    @Arg('csv', () => String, { description: 'CSV text with a header row; columns are listed in ../shared/DESIGN.md.' }) csv: string,
    @Ctx() ctx: Context,
  ): Promise<GuaranteeImportResult> {
    return ctx.services.guaranteeImport.importCsv(institutionId, csv);
  }
}

@Resolver(() => GuaranteeConnection)
export class GuaranteeConnectionResolver {
  @FieldResolver(() => Int, { description: '总条数 of the filtered guarantees (counted only when asked for).' })
  totalCount(@Root() connection: GuaranteeConnection): Promise<number> {
    return connection.count();
  }
}
