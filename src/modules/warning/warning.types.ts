import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../../platform/scalars';

export enum WarningLevel {
  YELLOW = 'YELLOW',
  RED = 'RED',
}

registerEnumType(WarningLevel, {
  name: 'WarningLevel',
  description: '预警等级',
  valuesConfig: { YELLOW: { description: '黄色预警: near the threshold' }, RED: { description: '红色预警: past the threshold' } },
});

export enum WarningIndicator {
  SMALL_AGRI_SHARE = 'SMALL_AGRI_SHARE',
  SMALL_HOUSEHOLD_SHARE = 'SMALL_HOUSEHOLD_SHARE',
  AVERAGE_FEE_RATE = 'AVERAGE_FEE_RATE',
  COMPENSATION_RATE = 'COMPENSATION_RATE',
  LEVERAGE = 'LEVERAGE',
  SINGLE_BORROWER_CONCENTRATION = 'SINGLE_BORROWER_CONCENTRATION',
  CREDIT_LINE_USAGE = 'CREDIT_LINE_USAGE',
  BANK_RISK_SHARE_EXCEPTION = 'BANK_RISK_SHARE_EXCEPTION',
  REPORT_OVERDUE = 'REPORT_OVERDUE',
}

registerEnumType(WarningIndicator, {
  name: 'WarningIndicator',
  description: '预警指标 (R17)',
  valuesConfig: {
    SMALL_AGRI_SHARE: { description: '支小支农占比 (year to date, by amount; R3)' },
    SMALL_HOUSEHOLD_SHARE: { description: '单户500万元及以下占比 (year to date, by amount)' },
    AVERAGE_FEE_RATE: { description: '平均担保费率 (year to date, amount-weighted; R4)' },
    COMPENSATION_RATE: { description: '代偿率 (year to date; R7)' },
    LEVERAGE: { description: '放大倍数 (R9)' },
    SINGLE_BORROWER_CONCENTRATION: { description: '单一客户集中度 (R16)' },
    CREDIT_LINE_USAGE: { description: '授信额度使用率, per agreement in force (R6)' },
    BANK_RISK_SHARE_EXCEPTION: { description: '银行分险比例低于下限, per agreement in force (R5)' },
    REPORT_OVERDUE: { description: '上月月报逾期未报 (R13)' },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: '预警 (R17): an indicator of one institution, or one of its agreements, near or past its threshold.',
})
export class Warning {
  @Field(() => WarningIndicator, { description: '指标' })
  indicator: WarningIndicator;

  @Field(() => WarningLevel, { description: '等级' })
  level: WarningLevel;

  /** Resolved through the request's scoped loaders. */
  institutionId: string;
  agreementId: string | null;
  institutionName: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "The indicator's value (a share, rate or multiple); null for REPORT_OVERDUE.",
  })
  value: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The threshold it is measured against.' })
  threshold: string | null;

  @Field(() => String, { description: '说明, in words' })
  message: string;
}

@ObjectType({
  simpleResolvers: true,
  description: "督导名单 (R18): why an institution is on the task force's supervision list for a month.",
})
export class SupervisionEntry {
  institutionId: string;

  @Field(() => String, { description: '月份 YYYY-MM' })
  month: string;

  @Field(() => Boolean, { description: 'Its report of the month was not submitted by the due day of the next month.' })
  reportOverdue: boolean;

  @Field(() => [Warning], { description: "RED warnings at the month's end" })
  redWarnings: Warning[];

  @Field(() => [String], { description: '督导原因, in words' })
  reasons: string[];
}
