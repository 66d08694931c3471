import { BadInputError } from '../../platform/errors';
import { businessToday } from '../../platform/lib/dates';
import { type Dec, MAX_MONEY, MONEY_SCALE, money } from '../../platform/lib/decimal';

/**
 * Checks of a compensation or recovery that need no database. Money is numeric(18,2): a third decimal
 * place would be rounded away silently by PostgreSQL, so it is refused instead.
 */
export function checkMoney(field: string, amount: Dec): string {
  if (!amount.isFinite() || amount.lte(0)) throw new BadInputError(field, 'The amount must be greater than 0');
  if (amount.decimalPlaces() > MONEY_SCALE) throw new BadInputError(field, 'The amount has at most 2 decimal places (fen)');
  if (amount.gt(MAX_MONEY)) throw new BadInputError(field, 'The amount is too large');
  return money(amount);
}

/** A payment date: a business day that has happened (Asia/Shanghai), not before `notBefore`. */
export function checkPaymentDate(
  field: string,
  date: string,
  notBefore?: { date: string; what: string },
  today: string = businessToday(),
): void {
  if (date > today) throw new BadInputError(field, `The date may not be in the future (today is ${today})`);
  if (notBefore && date < notBefore.date)
    throw new BadInputError(field, `The date may not be before ${notBefore.what} (${notBefore.date})`);
}

/** The suspicion's grounds (R12): required, and not blank, when a compensation is flagged. */
export function checkEvidence(suspectedMalicious: boolean, evidence: string | null | undefined): string | null {
  const text = evidence?.trim() ? evidence.trim() : null;
  if (suspectedMalicious && !text) throw new BadInputError('evidence', 'A suspected malicious default needs its evidence (线索材料)');
  return text;
}
