import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context';
import { AuditLogArgs, AuditLogConnection } from './audit.types';

@Resolver()
export class AuditResolver {
  @Query(() => AuditLogConnection, {
    description: '审计日志: every mutation, accepted or rejected, newest first (ADMIN, FINANCIAL_REGULATOR).',
  })
  auditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: Context): Promise<AuditLogConnection> {
    return ctx.services.audit.list(args);
  }
}
