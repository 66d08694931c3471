import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context';
import { DateScalar } from '../../platform/scalars';
import { Bank } from '../bank/bank.entity';
import { Borrower } from '../borrower/borrower.entity';
import { borrowerAsSeenThrough, type BorrowerView } from '../borrower/borrower.view';
import { GuaranteeInstitution } from '../institution/institution.entity';
import { Guarantee } from './guarantee.entity';
import { GuaranteeFilter, GuaranteeInput } from './guarantee.inputs';
import type { JoinedGuarantee } from './page/guarantee.joined';
import type { GuaranteeRecord } from './guarantee.repo';
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

  @Query(() => Guarantee, { nullable: true, description: "One guarantee; null when missing or outside the viewer's scope." })
  guarantee(@Arg('id', () => ID, { description: '担保业务编号' }) id: string, @Ctx() ctx: Context): Promise<GuaranteeRecord | null> {
    return ctx.services.guarantees.find(id);
  }

  @Mutation(() => Guarantee, {
    description: '登记担保业务: R1 支小支农 decided, R2 and R6 enforced; the borrower is registered by its identifier.',
  })
  createGuarantee(
    @Arg('input', () => GuaranteeInput, { description: '担保业务' }) input: GuaranteeInput,
    @Ctx() ctx: Context,
  ): Promise<GuaranteeRecord> {
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

  /** Joined into the page's own query (guarantee.joined.ts): no await, no extra statement. Otherwise the scoped loader. */
  @FieldResolver(() => GuaranteeInstitution, { description: '担保机构' })
  institution(
    @Root() g: GuaranteeRecord & Partial<JoinedGuarantee>,
    @Ctx() ctx: Context,
  ): GuaranteeInstitution | Promise<GuaranteeInstitution> {
    return (
      g.joined?.institution ??
      required(ctx.loaders.institution.load(g.institutionId), `institution ${g.institutionId} of guarantee ${g.id}`)
    );
  }

  @FieldResolver(() => Bank, { description: '贷款银行' })
  bank(@Root() g: GuaranteeRecord & Partial<JoinedGuarantee>, @Ctx() ctx: Context): Bank | Promise<Bank> {
    return g.joined?.bank ?? required(ctx.loaders.bank.load(g.bankId), `bank ${g.bankId} of guarantee ${g.id}`);
  }

  /** The identifier shows in full only to those who see the owning institution's borrowers (../shared/DESIGN.md §3). */
  @FieldResolver(() => Borrower, { description: '被担保人' })
  borrower(@Root() g: GuaranteeRecord & Partial<JoinedGuarantee>, @Ctx() ctx: Context): BorrowerView | Promise<BorrowerView> {
    if (g.joined) return g.joined.borrower;
    return required(ctx.loaders.borrower.load(g.borrowerId), `borrower ${g.borrowerId} of guarantee ${g.id}`).then((found) =>
      borrowerAsSeenThrough(found, ctx.scope.seesBorrowerIdentity(g.institutionId)),
    );
  }
}

/** A related row that must be there: its absence means scopes disagree, an internal error, never data for the client. */
async function required<T>(loading: Promise<T | null>, what: string): Promise<T> {
  const found = await loading;
  if (!found) throw new Error(`${what} is outside the viewer's scope or missing`);
  return found;
}

@Resolver(() => GuaranteeConnection)
export class GuaranteeConnectionResolver {
  @FieldResolver(() => Int, { description: '总条数 of the filtered guarantees (counted only when asked for).' })
  totalCount(@Root() connection: GuaranteeConnection): Promise<number> {
    return connection.count();
  }
}
