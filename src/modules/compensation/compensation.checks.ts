import { z } from 'zod';
import { BadInputError } from '../../platform/errors';
import { businessToday } from '../../platform/lib/dates';
import { money } from '../../platform/validation/schemas';

/**
 * Checks of a compensation or recovery that need no database. The amount (of a compensation or of a recovery)
 * is money > 0 with at most 2 places: numeric(18,2) would round a third away silently, so it is refused.
 */
export const amountSchema = z.object({ amount: money('positive') });

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
