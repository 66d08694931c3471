import { Field, ObjectType } from 'type-graphql';

/** Relay page information, shared by every connection (guarantees, audit log). */
@ObjectType({ simpleResolvers: true, description: '分页信息: whether another page follows, and the cursor to ask for it with `after`.' })
export class PageInfo {
  @Field(() => Boolean, { description: '是否有下一页' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: '本页最后一条的游标 (pass as `after`)' })
  endCursor: string | null;
}
