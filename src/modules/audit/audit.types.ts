import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../platform/lib/page-info';
import { AuditLog } from './audit.entity';

@ObjectType({ simpleResolvers: true, description: '审计日志分页中的一条' })
export class AuditLogEdge {
  @Field(() => String, { description: '游标' })
  cursor: string;

  @Field(() => AuditLog, { description: '审计日志条目' })
  node: AuditLog;
}

/** No totalCount: the log grows without bound and counting it on every page would scan it. */
@ObjectType({ simpleResolvers: true, description: '审计日志 (newest first), paged with `first` and `after`.' })
export class AuditLogConnection {
  @Field(() => [AuditLogEdge], { description: '本页条目' })
  edges: AuditLogEdge[];

  @Field(() => PageInfo, { description: '分页信息' })
  pageInfo: PageInfo;
}

@ArgsType()
export class AuditLogArgs {
  @Field(() => Int, { nullable: true, description: '每页条数 (1–200, default 50)' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: '从此游标之后 (older entries)' })
  after?: string | null;

  @Field(() => String, { nullable: true, description: '只看此操作, e.g. createGuarantee' })
  operation?: string | null;
}
