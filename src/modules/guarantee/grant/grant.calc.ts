import { dec } from '../../../platform/lib/decimal';
import { BorrowerKind } from '../../borrower/borrower.entity';
import { GuaranteeKind } from '../guarantee.entity';

/**
 * The rules a guarantee is judged by when it is granted, as pure functions over plain values
 * (../shared/DESIGN.md R1, R2, R6). Amounts are decimal text; "以下/不超过" include the bound (民法典 art. 1259).
 */

/** 小微企业 (small, micro, 个体工商户) and “三农” (农户, 家庭农场, 农民专业合作社, 涉农企业): R1's borrower kinds. */
export const SMALL_AGRI_KINDS: ReadonlySet<BorrowerKind> = new Set([
  BorrowerKind.SMALL_ENTERPRISE,
  BorrowerKind.MICRO_ENTERPRISE,
  BorrowerKind.INDIVIDUAL_BUSINESS,
  BorrowerKind.FARMER,
  BorrowerKind.FAMILY_FARM,
  BorrowerKind.FARMER_COOPERATIVE,
  BorrowerKind.AGRICULTURAL_ENTERPRISE,
]);

/**
 * R2 (实施意见（一）: 不得为政府债券发行提供担保，不得为政府融资平台融资提供增信). The hub's borrower kinds
 * have one government kind, GOVERNMENT_PLATFORM: it is both the refused platform and the government
 * issuer whose BOND guarantee is refused. Returns why the guarantee is refused, or null.
 */
export function r2Violation(borrowerKind: BorrowerKind, kind: GuaranteeKind): string | null {
  if (borrowerKind !== BorrowerKind.GOVERNMENT_PLATFORM) return null;
  return kind === GuaranteeKind.BOND
    ? 'No bond guarantee for a government issuer (实施意见（一）)'
    : 'No guarantee for a government financing platform (实施意见（一）)';
}

/**
 * R1 支小支农: a small/micro or 三农 borrower, not a bond guarantee, and the borrower's in-force guaranteed
 * amount at the institution, this guarantee included, at most the cap in force (单户1000万元及以下).
 */
export function isSmallAgri(borrowerKind: BorrowerKind, kind: GuaranteeKind, inForceIncludingThis: string, cap: string): boolean {
  return SMALL_AGRI_KINDS.has(borrowerKind) && kind !== GuaranteeKind.BOND && dec(inForceIncludingThis).lte(cap);
}

/**
 * 国办发〔2019〕6号's sub-target, counted on the monthly aggregate: 支小支农 business whose single-household
 * in-force amount is at most 5,000,000 (the policy's smallHouseholdAmount).
 */
export function isSmallHousehold(smallAgri: boolean, inForceIncludingThis: string, bound: string): boolean {
  return smallAgri && dec(inForceIncludingThis).lte(bound);
}

/** R6: the agreement's in-force amount, this guarantee included, may not pass its credit line (reaching it is allowed). */
export function exceedsCreditLine(usedCredit: string, amount: string, creditLine: string): boolean {
  return dec(usedCredit).plus(amount).gt(creditLine);
}

export interface AgreementTerm {
  signedOn: string;
  expiresOn: string | null;
}

/**
 * The agreement a guarantee starting `on` falls under: in force that day (signed on or before it, not yet
 * expired — the expiry day included — or open-ended). Where a renewal overlaps an older agreement, the
 * latest signed one governs new business: `agreements` come in signing order (signed_on, created_at, id),
 * and the last one in force wins.
 */
export function agreementInForce<T extends AgreementTerm>(agreementsInSigningOrder: readonly T[], on: string): T | undefined {
  for (let i = agreementsInSigningOrder.length - 1; i >= 0; i--) {
    const a = agreementsInSigningOrder[i];
    if (a.signedOn <= on && (a.expiresOn === null || a.expiresOn >= on)) return a;
  }
  return undefined;
}
