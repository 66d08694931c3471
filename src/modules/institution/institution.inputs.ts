import { Field, ID, InputType } from 'type-graphql';
import { dec, type Dec } from '../../platform/lib/decimal';
import { DecimalScalar } from '../../platform/scalars';
import { InstitutionLevel } from './institution.entity';
import { z } from 'zod';
import { checkCreditCode } from '../../platform/lib/identifiers';
import { hubId, line, money, no, rule, whenValid } from '../../platform/validation/schemas';

const creditCode = rule((raw) => {
  const checked = checkCreditCode(typeof raw === 'string' ? raw : '');
  return checked.ok ? checked.value : no(checked.reason);
});

/** What of an InstitutionInput needs no database, declared once (the service parses it). */
export const institutionSchema = z
  .object({
    name: line(200),
    creditCode,
    registeredCapital: money('zero'),
    paidInCapital: money('zero'),
    netAssets: money('any'),
    regionId: hubId('region'),
  })
  .refine((i) => !dec(i.paidInCapital).gt(i.registeredCapital), {
    path: ['paidInCapital'],
    message: 'may not exceed registeredCapital',
    when: whenValid('registeredCapital', 'paidInCapital'),
  });

@InputType({ description: '政府性融资担保机构登记: a new institution, recorded by the finance bureau.' })
export class InstitutionInput {
  @Field(() => String, { description: '机构名称 (unique)' })
  name: string;

  @Field(() => String, { description: '统一社会信用代码: 18 characters with a valid GB 32100-2015 check character.' })
  creditCode: string;

  @Field(() => InstitutionLevel, { description: '层级: 市级 or 县级' })
  level: InstitutionLevel;

  @Field(() => ID, { description: '所在区域' })
  regionId: string;

  @Field(() => Boolean, { nullable: true, description: '是否再担保机构 (default false)' })
  isReGuarantor?: boolean | null;

  @Field(() => DecimalScalar, { description: '注册资本 (yuan, ≥ 0)' })
  registeredCapital: Dec;

  @Field(() => DecimalScalar, { description: '实缴资本 (yuan, ≥ 0, at most the registered capital)' })
  paidInCapital: Dec;

  @Field(() => DecimalScalar, { description: '净资产 (yuan; may be negative after losses)' })
  netAssets: Dec;
}
