import type { GraphQLResolveInfo } from 'graphql';
import type { IMiddlewareTypeMap } from 'graphql-middleware';
import type { Context } from '../../context';
import { toClientError } from '../../errors';
import { AuditOutcome } from './audit.entity';
import { redactArgs, targetIds } from './audit.redact';

/**
 * Audits every mutation, accepted or rejected, without the business modules doing anything. It wraps
 * the Mutation fields outside the shield, so a denial (FORBIDDEN, UNAUTHENTICATED) is recorded too. The
 * row is written after the mutation has finished, on the request's own connection and outside the
 * mutation's transaction: a rejected mutation rolls its own writes back, and its audit row stays.
 */
export const auditMiddleware: IMiddlewareTypeMap = {
  Mutation: async (resolve, root, args: Record<string, unknown>, ctx: Context, info: GraphQLResolveInfo) => {
    let result: unknown;
    let thrown: unknown;
    let threw = false;
    try {
      result = await resolve(root, args, ctx, info);
    } catch (err) {
      thrown = err;
      threw = true;
    }
    // The shield returns its denial as the field's value rather than throwing it.
    const failure = threw ? thrown : result instanceof Error ? result : undefined;
    await recordMutation(ctx, info.fieldName, args, failure === undefined ? result : undefined, failure);
    if (threw) throw thrown;
    return result;
  },
};

async function recordMutation(
  ctx: Context,
  operation: string,
  args: Record<string, unknown>,
  result: unknown,
  failure: unknown,
): Promise<void> {
  const rejected = failure !== undefined;
  try {
    await ctx.manager.query(
      `INSERT INTO audit_log (at, actor_sub, actor_role, operation, target_ids, outcome, error_code, detail)
       VALUES (clock_timestamp(), $1, $2, $3, $4, $5, $6, $7)`,
      [
        ctx.viewer?.sub ?? null,
        ctx.viewer?.role ?? null,
        operation,
        targetIds(args, result),
        rejected ? AuditOutcome.REJECTED : AuditOutcome.ACCEPTED,
        rejected ? errorCode(failure) : null,
        JSON.stringify({ args: redactArgs(args) }),
      ],
    );
  } catch (err) {
    // The mutation has already happened (or been refused): failing the response now would misreport it.
    ctx.log.error({ err, operation, actor: ctx.viewer?.sub }, 'could not write the audit log entry of a mutation');
  }
}

/** The code the client sees for this failure (formatError's mapping). */
function errorCode(failure: unknown): string {
  return String(toClientError(failure)?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
}
