import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { DateScalar } from '../../scalars';
import { Bank } from '../bank/bank.entity';
import { Borrower } from '../borrower/borrower.entity';
import { borrowerAsSeenThrough, type BorrowerView } from '../borrower/borrower.resolver';
import { GuaranteeInstitution } from '../institution/institution.entity';
import { Guarantee } from './guarantee.entity';
import { GuaranteeFilter, GuaranteeInput } from './guarantee.inputs';
import type { GuaranteeRecord } from './guarantee.sql';
import { GuaranteeConnection, GuaranteeImportResult } from './guarantee.types';

/** Guarantee's relations read through per-request loaders: a page of any size costs one query per relation. */
@Resolver(() => Guarantee)
export class GuaranteeResolver {
  @Query(() => GuaranteeConnection, { description: '融资担保业务 the viewer may see, newest start date first (Relay connection).' })
  guarantees(
    @Arg('filter', () => GuaranteeFilter, { nullable: true, description: '筛选条件' }) filter: GuaranteeFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 50, at most 500.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<GuaranteeConnection> {
    return ctx.services.guarantees.page({ filter, first, after });
  }

  @Query(() => Guarantee, { nullable: true, description: 'One guarantee; null when missing or outside the viewer\'s scope.' })
  guarantee(@Arg('id', () => ID, { description: '担保业务编号' }) id: string, @Ctx() ctx: Context): Promise<GuaranteeRecord | null> {
    return ctx.services.guarantees.find(id);
  }

  @Mutation(() => Guarantee, { description: '登记担保业务: R1 支小支农 decided, R2 and R6 enforced; the borrower is registered by its identifier.' })
  createGuarantee(@Arg('input', () => GuaranteeInput, { description: '担保业务' }) input: GuaranteeInput, @Ctx() ctx: Context): Promise<GuaranteeRecord> {
    return ctx.services.guarantees.create(input);
  }

  @Mutation(() => Guarantee, { description: '解保: the borrower repaid; only an ACTIVE guarantee, on a day from its start to today.' })
  releaseGuarantee(
    @Arg('id', () => ID, { description: '担保业务编号' }) id: string,
    @Arg('releasedOn', () => DateScalar, { description: '解保日' }) releasedOn: string,
    @Ctx() ctx: Context,
  ): Promise<GuaranteeRecord> {
    return ctx.services.guarantees.release(id, releasedOn);
  }

  @Mutation(() => GuaranteeImportResult, { description: '“总对总”批量导入 (CSV with the header of DESIGN.md §4): valid rows accepted in one transaction, each invalid row reported.' })
  importGuarantees(
    @Arg('institutionId', () => ID, { description: '担保机构 (the caller\'s own)' }) institutionId: string,
    @Arg('csv', () => String, { description: 'CSV text with a header row; columns are listed in DESIGN.md.' }) csv: string,
    @Ctx() ctx: Context,
  ): Promise<GuaranteeImportResult> {
    return ctx.services.guaranteeImport.importCsv(institutionId, csv);
  }

  @FieldResolver(() => GuaranteeInstitution, { description: '担保机构' })
  async institution(@Root() g: GuaranteeRecord, @Ctx() ctx: Context): Promise<GuaranteeInstitution> {
    const found = await ctx.loaders.institution.load(g.institutionId);
    if (!found) throw new Error(`institution ${g.institutionId} of guarantee ${g.id} is outside the viewer's scope`);
    return found;
  }

  @FieldResolver(() => Bank, { description: '贷款银行' })
  async bank(@Root() g: GuaranteeRecord, @Ctx() ctx: Context): Promise<Bank> {
    const found = await ctx.loaders.bank.load(g.bankId);
    if (!found) throw new Error(`bank ${g.bankId} of guarantee ${g.id} is outside the viewer's scope`);
    return found;
  }

  /** The identifier shows in full only to those who see the owning institution's borrowers (DESIGN.md §3). */
  @FieldResolver(() => Borrower, { description: '被担保人' })
  async borrower(@Root() g: GuaranteeRecord, @Ctx() ctx: Context): Promise<BorrowerView> {
    const found = await ctx.loaders.borrower.load(g.borrowerId);
    if (!found) throw new Error(`borrower ${g.borrowerId} of guarantee ${g.id} is missing`);
    return borrowerAsSeenThrough(found, ctx.scope.seesBorrowerIdentity(g.institutionId));
  }
}

@Resolver(() => GuaranteeConnection)
export class GuaranteeConnectionResolver {
  @FieldResolver(() => Int, { description: '总条数 of the filtered guarantees (counted only when asked for).' })
  totalCount(@Root() connection: GuaranteeConnection): Promise<number> {
    return connection.count();
  }
}
