import { Field, ID, InputType } from 'type-graphql';
import { BankKind } from './bank.entity';
import { z } from 'zod';
import { hubId, line } from '../../platform/validation/schemas';

/** What of a BankInput needs no database, declared once (the service parses it). */
export const bankSchema = z.object({ name: line(200), regionId: hubId('region').nullish() });

@InputType({ description: '银行业金融机构登记: a bank (branch) recorded by the financial regulator.' })
export class BankInput {
  @Field(() => String, { description: '名称 (unique)' })
  name: string;

  @Field(() => BankKind, { description: '类别' })
  kind: BankKind;

  @Field(() => ID, { nullable: true, description: '所在区域 (optional: a city-wide branch has none)' })
  regionId?: string | null;
}
