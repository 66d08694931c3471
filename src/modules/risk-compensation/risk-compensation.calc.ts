import { Dec, money, rate } from '../../platform/lib/decimal';
import { compensationRate } from '../indicators/indicators.calc';

/**
 * 市级风险补偿 (实施意见（七）, DESIGN R7) as a pure function of the year's released and compensated amounts
 * and the tiers of the policy set in force (R14: the tiers are data, never literals here).
 */

/** One tier as the policy parameter set stores it: rates in [fromRate, toRate) — or [fromRate, toRate] when toInclusive — pay `ratio`. */
export interface TierSetting {
  fromRate: string;
  toRate: string | null;
  toInclusive: boolean;
  ratio: string;
}

export type CompensationMode = 'PROGRESSIVE' | 'FLAT_CAPPED';

/** One line of a quote: the slice of the compensated amount in the tier and what it pays. */
export interface TierQuote {
  fromRate: string;
  toRate: string | null;
  ratio: string;
  base: string;
  payout: string;
}

export interface QuoteValues {
  mode: CompensationMode;
  releasedAmount: string;
  compensatedAmount: string;
  /** null when nothing was released: the rate is undefined. */
  compensationRate: string | null;
  payout: string;
  tiers: TierQuote[];
}

interface Band {
  setting: TierSetting;
  /** Slice bounds in yuan: rate bound × released amount, half-up to the fen (a bound is money). */
  lower: Dec;
  upper: Dec | null;
}

/**
 * The tiers in rate order, closed by a line paying nothing for the part above the last bound
 * ("代偿率超出8%的部分不予补偿") unless the policy's last tier is itself unbounded.
 */
function bands(released: Dec, settings: readonly TierSetting[]): Band[] {
  const sorted = [...settings].sort((a, b) => new Dec(a.fromRate).cmp(b.fromRate));
  const last = sorted[sorted.length - 1];
  if (last && last.toRate !== null) sorted.push({ fromRate: last.toRate, toRate: null, toInclusive: false, ratio: '0' });
  const bound = (r: string) => new Dec(money(released.times(r)));
  return sorted.map((setting) => ({
    setting,
    lower: bound(setting.fromRate),
    upper: setting.toRate === null ? null : bound(setting.toRate),
  }));
}

/** Whether the exact rate compensated ÷ released falls in the tier; compared as amounts, so no rounded rate decides a boundary. */
function rateIn(band: Band, released: Dec, compensated: Dec): boolean {
  const { setting } = band;
  if (compensated.lt(released.times(setting.fromRate))) return false;
  if (setting.toRate === null) return true;
  const top = released.times(setting.toRate);
  return setting.toInclusive ? compensated.lte(top) : compensated.lt(top);
}

function line(band: Band, base: Dec): TierQuote {
  const ratio = band.setting.ratio;
  return {
    fromRate: rate(band.setting.fromRate),
    toRate: band.setting.toRate === null ? null : rate(band.setting.toRate),
    ratio: rate(ratio),
    base: money(base),
    payout: money(base.times(ratio)),
  };
}

/**
 * The quote for a year. Amounts are fen-exact decimal text (≥ 0).
 * - PROGRESSIVE (default): each slice of the compensated amount between two bounds pays its tier's ratio,
 *   so the payout is continuous in the compensated amount; the part above the last bound pays nothing.
 * - FLAT_CAPPED: the whole amount pays the ratio of the tier the institution's own rate falls in
 *   (5%—8% 含 8%); a rate above the last bound pays nothing.
 * Each line's payout rounds half-up to the fen and the total is their sum, so a claim adds up line by line.
 */
export function quoteRiskCompensation(
  releasedAmount: string,
  compensatedAmount: string,
  settings: readonly TierSetting[],
  mode: CompensationMode,
): QuoteValues {
  const released = new Dec(releasedAmount);
  const compensated = new Dec(compensatedAmount);
  const all = bands(released, settings);
  const tiers =
    mode === 'PROGRESSIVE'
      ? all.map((band) => {
          const top = band.upper === null ? compensated : Dec.min(compensated, band.upper);
          return line(band, Dec.max(0, top.minus(band.lower)));
        })
      : flatCapped(all, released, compensated);
  const payout = tiers.reduce((sum, t) => sum.plus(t.payout), new Dec(0));
  return {
    mode,
    releasedAmount: money(released),
    compensatedAmount: money(compensated),
    compensationRate: compensationRate(compensated.toFixed(), released.toFixed()),
    payout: money(payout),
    tiers,
  };
}

function flatCapped(all: Band[], released: Dec, compensated: Dec): TierQuote[] {
  // With nothing released there is no rate, hence no tier: the whole amount sits on the unpaid line.
  const own = released.isZero() ? all.findIndex((b) => b.upper === null) : all.findIndex((b) => rateIn(b, released, compensated));
  return all.map((band, i) => line(band, i === own ? compensated : new Dec(0)));
}
