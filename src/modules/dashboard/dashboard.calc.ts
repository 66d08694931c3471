import { dec, money } from '../../platform/lib/decimal';
import { averageFeeRate, compensationRate, smallAgriShare } from '../indicators/indicators.calc';

/**
 * The dashboard's figures over the monthly aggregate's sums: the shared ratios (R3, R4, R7,
 * indicators/indicators.calc.ts) and the balance. Money rounds half-up to the fen (../shared/DESIGN.md R7).
 */

/** 在保余额: everything granted up to the period's end less everything released up to then. */
export function outstandingBalance(grantedToDate: string, releasedToDate: string): string {
  return money(dec(grantedToDate).minus(releasedToDate));
}

/** The sums of one group of aggregate cells, as the database returns them (decimal text). */
export interface SliceSums {
  newCount: number;
  newAmount: string;
  smallAgriAmount: string;
  feeWeightedAmount: string;
  releasedAmount: string;
  compensatedAmount: string;
  /** Σ new_amount over every month up to the period's end, whatever its start. */
  grantedToDate: string;
  /** Σ released_amount over every month up to the period's end. */
  releasedToDate: string;
}

export interface SliceFigures {
  key: string;
  label: string;
  newCount: number;
  newAmount: string;
  smallAgriAmount: string;
  smallAgriShare: string | null;
  averageFeeRate: string | null;
  outstandingBalance: string;
  releasedAmount: string;
  compensatedAmount: string;
  compensationRate: string | null;
}

export const NO_SUMS: SliceSums = {
  newCount: 0,
  newAmount: '0',
  smallAgriAmount: '0',
  feeWeightedAmount: '0',
  releasedAmount: '0',
  compensatedAmount: '0',
  grantedToDate: '0',
  releasedToDate: '0',
};

/** One dashboard slice from its sums. */
export function sliceOf(key: string, label: string, s: SliceSums): SliceFigures {
  return {
    key,
    label,
    newCount: s.newCount,
    newAmount: money(s.newAmount),
    smallAgriAmount: money(s.smallAgriAmount),
    smallAgriShare: smallAgriShare(s.smallAgriAmount, s.newAmount),
    averageFeeRate: averageFeeRate(s.feeWeightedAmount, s.newAmount),
    outstandingBalance: outstandingBalance(s.grantedToDate, s.releasedToDate),
    releasedAmount: money(s.releasedAmount),
    compensatedAmount: money(s.compensatedAmount),
    compensationRate: compensationRate(s.compensatedAmount, s.releasedAmount),
  };
}
