import { dec, rate } from '../../platform/lib/decimal';

/**
 * R17 预警 as pure functions: each takes an indicator's value and its threshold from the parameter version in
 * force and says RED, YELLOW or nothing. A value over an empty denominator is null and raises nothing.
 * Boundaries (../shared/DESIGN.md R17): "below"/"above" exclude the threshold itself;
 * CREDIT_LINE_USAGE's "≥" includes it. Values are compared unrounded (99.9999999% used is not 100%) and
 * reported rounded half-up to 6 places, as every share and rate of the hub.
 */
export type Level = 'RED' | 'YELLOW';

/** part ÷ whole unrounded, or null over an empty whole. */
export function exactRatio(part: string, whole: string): string | null {
  return dec(whole).isZero() ? null : dec(part).div(whole).toFixed();
}

const raised = (level: Level, value: string, threshold: string): Raised => ({ level, value: rate(value), threshold: rate(threshold) });

export interface Raised {
  level: Level;
  value: string | null;
  threshold: string | null;
}

/** 国家融资担保基金 special-programme cap on the compensation rate (R17): YELLOW above 3%, RED above 5%. */
export const COMPENSATION_YELLOW = '0.03';
export const COMPENSATION_RED = '0.05';
/** R17: YELLOW margins. */
const SHARE_MARGIN = '0.05';
const NEAR = '0.9';
const CONCENTRATION_NEAR = '0.8';

/** A share that must reach its target (R3 支小支农, ≤ 5,000,000 households): RED below it, YELLOW below it + 0.05. */
export function shareWarning(value: string | null, target: string): Raised | null {
  if (value === null) return null;
  if (dec(value).lt(target)) return raised('RED', value, target);
  const yellow = dec(target).plus(SHARE_MARGIN).toFixed();
  if (dec(value).lt(yellow)) return raised('YELLOW', value, yellow);
  return null;
}

/** A figure that must stay at or under its cap (R4 fee rate, R9 leverage): RED above it, YELLOW above 90% of it. */
export function capWarning(value: string | null, cap: string, near = NEAR): Raised | null {
  if (value === null) return null;
  if (dec(value).gt(cap)) return raised('RED', value, cap);
  const yellow = dec(cap).times(near).toFixed();
  if (dec(value).gt(yellow)) return raised('YELLOW', value, yellow);
  return null;
}

/** R17 COMPENSATION_RATE (year to date): YELLOW above 3%, RED above 5%. */
export function compensationWarning(value: string | null): Raised | null {
  if (value === null) return null;
  if (dec(value).gt(COMPENSATION_RED)) return raised('RED', value, COMPENSATION_RED);
  if (dec(value).gt(COMPENSATION_YELLOW)) return raised('YELLOW', value, COMPENSATION_YELLOW);
  return null;
}

/** R16 via R17: the largest household's in-force amount ÷ net assets; RED above the share, YELLOW above 80% of it. */
export function concentrationWarning(largestHousehold: string, netAssets: string, maxShare: string): Raised | null {
  if (dec(netAssets).lte(0)) return null;
  return capWarning(exactRatio(largestHousehold, netAssets), maxShare, CONCENTRATION_NEAR);
}

/** R6 via R17, per agreement in force: used ÷ line; YELLOW at 90% or more, RED at 100% or more. */
export function creditLineWarning(usedCredit: string, creditLine: string): Raised | null {
  const value = exactRatio(usedCredit, creditLine);
  if (value === null) return null;
  if (dec(value).gte(1)) return raised('RED', value, '1');
  if (dec(value).gte(NEAR)) return raised('YELLOW', value, NEAR);
  return null;
}

/** R5 via R17: an agreement in force below the minimum bank share (its recorded exception aside) is YELLOW. */
export function riskShareWarning(bankRiskShare: string, minShare: string): Raised | null {
  return dec(bankRiskShare).lt(minShare) ? raised('YELLOW', bankRiskShare, minShare) : null;
}

/**
 * How WarningRepo.inForce() reads a date's figures: from the maintained open balances corrected by the guarantees
 * whose force differs between the date and now (few for a recent date), or by scanning the guarantees in force on
 * the date (fewer for a date long past). The same figures either way.
 */
export type InForcePath = 'corrections' | 'scan';

/**
 * The path that reads fewer guarantees, estimated by amount from figures every write maintains (the open balance)
 * and the monthly aggregate's months after the date's: in force then ≈ open now − new business since + releases
 * since; the corrections ≈ new business since + releases since.
 */
export function inForcePath(
  institutions: readonly { openBalance: string; laterNewAmount: string; laterReleasedAmount: string }[],
): InForcePath {
  let then = dec(0);
  let corrections = dec(0);
  for (const i of institutions) {
    const since = dec(i.laterNewAmount).plus(i.laterReleasedAmount);
    corrections = corrections.plus(since);
    then = then.plus(dec(i.openBalance).minus(i.laterNewAmount).plus(i.laterReleasedAmount));
  }
  return corrections.gt(then) ? 'scan' : 'corrections';
}
