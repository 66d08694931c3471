import type { GraphQLResolveInfo } from 'graphql';
import type { IMiddlewareTypeMap } from 'graphql-middleware';
import { recordMutation } from '../modules/audit/audit.record';
import { isDatabaseUnavailable } from '../platform/db/unavailable';
import { toClientError } from '../platform/errors';
import { bindContext, type Context } from './context';

/**
 * Mutations that manage their own connection use: `login` and `changePassword` check a password (argon2,
 * ~100 ms of CPU) and must not hold a pooled connection while they wait for their turn at the hasher; and
 * a failed check must stay counted by the login throttle, which a rolled-back transaction would undo.
 * A login's audit row follows it. `changePassword` writes its change and its audit row in one transaction of
 * its own (AccountService), so only its refusals are audited here.
 */
const OWN_UNIT_OF_WORK: ReadonlyMap<string, 'audited after' | 'audits its acceptance'> = new Map([
  ['login', 'audited after'],
  ['changePassword', 'audits its acceptance'],
]);

/** The shield answers a denial as the field's value; this carries it out of the transaction so it rolls back. */
class Refusal extends Error {
  constructor(readonly value: Error) {
    super(value.message);
  }
}

/**
 * Every mutation field is one unit of work: one transaction on one connection, on which its services,
 * their reads (the policy in force included) and its audit row run, so a request never holds a connection
 * while asking the pool for another (../shared/DESIGN.md §6), and an accepted mutation commits together with its
 * audit row. A refused mutation is rolled back whole and audited afterwards. The wrapper sits outside the
 * shield (the first middleware is the outermost), so denials are audited too. Fields of the result are
 * resolved after the commit, on the request's ordinary context.
 */
export const unitOfWork: IMiddlewareTypeMap = {
  Mutation: async (resolve, root, args: Record<string, unknown>, ctx: Context, info: GraphQLResolveInfo) => {
    const operation = info.fieldName;
    const own = OWN_UNIT_OF_WORK.get(operation);
    if (own) return auditedAfter(() => resolve(root, args, ctx, info), ctx, operation, args, own === 'audited after');
    try {
      return await ctx.manager.transaction(async (tx) => {
        const result: unknown = await resolve(root, args, bindContext(ctx, tx), info);
        if (result instanceof Error) throw new Refusal(result);
        await recordMutation(tx, { viewer: ctx.viewer, operation, args, result });
        return result;
      });
    } catch (err) {
      const failure = err instanceof Refusal ? err.value : err;
      await recordRefusal(ctx, operation, args, failure);
      if (err instanceof Refusal) return err.value;
      throw err;
    }
  },
};

async function auditedAfter(
  run: () => Promise<unknown>,
  ctx: Context,
  operation: string,
  args: Record<string, unknown>,
  auditAcceptance: boolean,
): Promise<unknown> {
  let result: unknown;
  try {
    result = await run();
  } catch (err) {
    await recordRefusal(ctx, operation, args, err);
    throw err;
  }
  if (result instanceof Error) await recordRefusal(ctx, operation, args, result);
  else if (auditAcceptance) await recordMutation(ctx.manager, { viewer: ctx.viewer, operation, args, result });
  return result;
}

async function recordRefusal(ctx: Context, operation: string, args: Record<string, unknown>, failure: unknown): Promise<void> {
  const errorCode = String(toClientError(failure)?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  try {
    await recordMutation(ctx.manager, { viewer: ctx.viewer, operation, args, errorCode });
  } catch (err) {
    // With the database gone the audit row cannot be written either; the request's own 503 line says so.
    if (isDatabaseUnavailable(err)) return;
    // The refusal stands whatever happens to its trace; the client is told of the refusal, not of this.
    ctx.log.error({ err, operation }, 'could not write the audit row of a refused mutation');
  }
}
