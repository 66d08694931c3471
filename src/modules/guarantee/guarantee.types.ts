import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../platform/lib/page-info';
import { Guarantee } from './guarantee.entity';
import type { GuaranteeRecord } from './guarantee.repo';

@ObjectType({ simpleResolvers: true, description: '担保业务分页中的一条' })
export class GuaranteeEdge {
  @Field(() => String, { description: '游标: opaque; pass as `after` to read on from this guarantee.' })
  cursor: string;

  @Field(() => Guarantee, { description: '担保业务' })
  node: GuaranteeRecord;
}

@ObjectType({ simpleResolvers: true, description: '担保业务分页 (Relay connection): newest start date first, stable under inserts.' })
export class GuaranteeConnection {
  @Field(() => [GuaranteeEdge], { description: '本页' })
  edges: GuaranteeEdge[];

  @Field(() => PageInfo, { description: '分页信息' })
  pageInfo: PageInfo;

  /** Counts the filtered guarantees: run only when totalCount is asked for. */
  count: () => Promise<number>;
}

@ObjectType({ simpleResolvers: true, description: '导入失败的一行' })
export class ImportRowError {
  @Field(() => Int, { description: '1-based data row number (the header is row 0).' })
  row: number;

  @Field(() => String, { nullable: true, description: 'The CSV column at fault, if one is.' })
  field: string | null;

  @Field(() => String, { description: 'Error code: BAD_USER_INPUT, POLICY_VIOLATION or CREDIT_LINE_EXCEEDED.' })
  code: string;

  @Field(() => String, { description: '原因' })
  message: string;
}

@ObjectType({ simpleResolvers: true, description: '“总对总”批量导入结果: valid rows are accepted together, in one transaction.' })
export class GuaranteeImportResult {
  @Field(() => Int, { description: '导入条数' })
  acceptedCount: number;

  @Field(() => Int, { description: '重复条数: rows whose code exists at the institution or repeats an earlier row.' })
  duplicateCount: number;

  @Field(() => [ImportRowError], { description: '被拒绝的行及原因' })
  rejected: ImportRowError[];
}
