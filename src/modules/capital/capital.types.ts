import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import type { Dec } from '../../platform/lib/decimal';
import { DateScalar, DecimalScalar } from '../../platform/scalars';
import { z } from 'zod';
import { eventDate, money } from '../../platform/validation/schemas';

/** What of a CapitalInjectionInput needs no database, declared once (the service parses it). */
export const injectionSchema = z.object({ amount: money('positive'), injectedOn: eventDate });

/** 实施意见（六）: 政府、金融机构、企业、社会团体和个人出资 — who puts the capital in. */
export enum CapitalSource {
  GOVERNMENT = 'GOVERNMENT',
  FINANCIAL_INSTITUTION = 'FINANCIAL_INSTITUTION',
  ENTERPRISE = 'ENTERPRISE',
  SOCIAL_ORGANIZATION = 'SOCIAL_ORGANIZATION',
  INDIVIDUAL = 'INDIVIDUAL',
}

registerEnumType(CapitalSource, {
  name: 'CapitalSource',
  description: '出资来源 (实施意见（六）多元化资金补充机制)',
  valuesConfig: {
    GOVERNMENT: { description: '政府' },
    FINANCIAL_INSTITUTION: { description: '金融机构' },
    ENTERPRISE: { description: '企业' },
    SOCIAL_ORGANIZATION: { description: '社会团体' },
    INDIVIDUAL: { description: '个人' },
  },
});

/** 实施意见（六）: 出资入股与无偿捐资相结合. */
export enum CapitalForm {
  EQUITY = 'EQUITY',
  DONATION = 'DONATION',
}

registerEnumType(CapitalForm, {
  name: 'CapitalForm',
  description: '出资方式 (实施意见（六）)',
  valuesConfig: {
    EQUITY: { description: '出资入股: raises paid-in capital and net assets' },
    DONATION: { description: '无偿捐资: raises net assets only' },
  },
});

/**
 * 实施意见（六）: the replenishment is 与支小支农业务拓展、担保代偿和绩效考核情况挂钩 — growth of small/agri
 * business, compensations paid, the evaluation result. The contract carries it as a String.
 */
export const CAPITAL_BASES: readonly string[] = ['GROWTH', 'COMPENSATION', 'EVALUATION'];

@InputType({ description: '资本金补充登记 (实施意见（六）, R10): recorded by the finance bureau or the county government.' })
export class CapitalInjectionInput {
  @Field(() => ID, { description: '机构编号: the institution receiving the capital' })
  institutionId: string;

  @Field(() => DecimalScalar, { description: '补充金额 (yuan, > 0, at most 2 decimal places)' })
  amount: Dec;

  @Field(() => CapitalSource, { description: '出资来源' })
  source: CapitalSource;

  @Field(() => CapitalForm, { description: '出资方式: 出资入股 or 无偿捐资' })
  form: CapitalForm;

  @Field(() => DateScalar, { description: '到位日期 (YYYY-MM-DD, not in the future)' })
  injectedOn: string;

  @Field(() => String, {
    nullable: true,
    description: '补充依据: GROWTH (支小支农业务拓展), COMPENSATION (担保代偿) or EVALUATION (绩效考核)',
  })
  basis?: string | null;
}
