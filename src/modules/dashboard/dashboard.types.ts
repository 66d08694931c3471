import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../platform/scalars';
import { PolicyTargets } from '../policy/policy.types';

@InputType({
  description:
    '看板筛选: every condition optional. The figures are monthly (business_month_stats), so a period runs from the first day of a month to the last day of a month. Without `from`: from the first month recorded; without `to`: to the end of the current month (Asia/Shanghai), figures as at now.',
})
export class DashboardFilter {
  @Field(() => ID, { nullable: true, description: "区域: the borrower's region (where the business is counted)." })
  regionId?: string | null;

  @Field(() => ID, { nullable: true, description: '担保机构' })
  institutionId?: string | null;

  @Field(() => ID, { nullable: true, description: '合作银行' })
  bankId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the period, inclusive.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the period, inclusive.' })
  to?: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "看板分组: the period's figures for one region, institution, bank, month, or all of them (合计).",
})
export class DashboardSlice {
  @Field(() => ID, { description: 'Region, institution or bank id; YYYY-MM for a month; `total` for 合计.' })
  key: string;

  @Field(() => String, { description: '名称: region, institution or bank name; YYYY-MM for a month; 合计 for the total.' })
  label: string;

  @Field(() => Int, { description: '新增担保笔数 in the period.' })
  newCount: number;

  @Field(() => DecimalScalar, { description: '新增担保金额 in the period.' })
  newAmount: string;

  @Field(() => Int, { description: '支小支农新增担保笔数 in the period (R1, R3).' })
  smallAgriCount: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '支小支农笔数占比 (R3, by count): smallAgriCount ÷ newCount, half-up to 6 places; null without new business.',
  })
  smallAgriCountShare: string | null;

  @Field(() => DecimalScalar, { description: '支小支农新增担保金额 in the period (R1, R3).' })
  smallAgriAmount: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '支小支农担保业务占比 (R3): smallAgriAmount ÷ newAmount, 6 places; null without new business.',
  })
  smallAgriShare: string | null;

  @Field(() => DecimalScalar, {
    description:
      "单户500万元及以下新增担保金额 (R3, 国办发〔2019〕6号): new 支小支农 guarantees whose borrower's in-force amount at the institution, this guarantee included, was at most 5,000,000 (the version in force on its start day; inclusive) when granted.",
  })
  smallHouseholdAmount: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      '单户500万元及以下占比 (R3, national rule ≥ 50%): smallHouseholdAmount ÷ newAmount (all new business, as smallAgriShare), half-up to 6 places; null without new business.',
  })
  smallHouseholdShare: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '平均担保费率 (R4): amount-weighted, Σ amount × rate ÷ Σ amount, 6 places; null without new business.',
  })
  averageFeeRate: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      '担保费率简单平均 (R4, reported beside the weighted one): Σ fee rate ÷ newCount, half-up to 6 places; null without new business.',
  })
  meanFeeRate: string | null;

  @Field(() => DecimalScalar, {
    description: '在保余额 at the end of the period (a month: its end): all business granted up to then less all released up to then.',
  })
  outstandingBalance: string;

  @Field(() => DecimalScalar, { description: "解保金额 in the period: repaid or compensated guarantees (R7's denominator)." })
  releasedAmount: string;

  @Field(() => DecimalScalar, { description: "代偿金额 paid in the period (R7's numerator)." })
  compensatedAmount: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '代偿率 (R7): compensatedAmount ÷ releasedAmount, 6 places; null when nothing was released.',
  })
  compensationRate: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "数据看板 (实施意见: 支小支农占比, 平均担保费率, 代偿率) from the monthly aggregate, within the viewer's scope.",
})
export class Dashboard {
  @Field(() => DashboardSlice, { description: '合计' })
  total: DashboardSlice;

  @Field(() => [DashboardSlice], { description: "按区域 (the borrower's region), by label." })
  byRegion: DashboardSlice[];

  @Field(() => [DashboardSlice], { description: '按担保机构, by label.' })
  byInstitution: DashboardSlice[];

  @Field(() => [DashboardSlice], { description: '按合作银行, by label.' })
  byBank: DashboardSlice[];

  @Field(() => [DashboardSlice], {
    description:
      '按月: key is YYYY-MM, oldest first; every month of the period (without `from`: from the first month recorded), a month without business with zero flows, null ratios and the balance carried over.',
  })
  byMonth: DashboardSlice[];

  @Field(() => PolicyTargets, { description: '政策目标 in force at the end of the period (today for a period not yet over).' })
  targets: PolicyTargets;
}
