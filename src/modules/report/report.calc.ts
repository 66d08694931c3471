import { Dec, money } from '../../platform/lib/decimal';
import { averageFeeRate, smallAgriShare } from '../indicators/indicators.calc';

/**
 * The figures of a 月报 (实施意见（十二）: 按月将担保业务情况向工作专班办公室报备), computed from the monthly
 * aggregate: pure arithmetic over the exact decimal text PostgreSQL returns.
 */
export interface MonthSums {
  /** Of the reported month. */
  newCount: number;
  newAmount: string;
  smallAgriAmount: string;
  /** Σ guaranteed amount × fee rate of the month's new business. */
  feeWeightedAmount: string;
  compensatedAmount: string;
  /** Of every month up to and including the reported one. */
  cumulativeNewAmount: string;
  cumulativeReleasedAmount: string;
}

export interface ReportFigures {
  newCount: number;
  newAmount: string;
  outstandingBalance: string;
  smallAgriShare: string | null;
  averageFeeRate: string | null;
  compensatedAmount: string;
}

export function reportFigures(s: MonthSums): ReportFigures {
  return {
    newCount: s.newCount,
    newAmount: money(s.newAmount),
    // 在保余额 at the month's end: everything granted so far less everything released (repaid or compensated).
    outstandingBalance: money(new Dec(s.cumulativeNewAmount).minus(s.cumulativeReleasedAmount)),
    // R3: the share, by amount, of 支小支农 business in the month's new business.
    smallAgriShare: smallAgriShare(s.smallAgriAmount, s.newAmount),
    // The amount-weighted average fee rate (R4), not the plain mean of rates.
    averageFeeRate: averageFeeRate(s.feeWeightedAmount, s.newAmount),
    compensatedAmount: money(s.compensatedAmount),
  };
}
