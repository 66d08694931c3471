import { maskIdentifier } from '../../access/mask';
import type { BorrowerRecord } from './borrower.repo';

/**
 * A borrower as one viewer sees it through one guarantee: `identifier` is already decided, full or masked. The
 * only shape GraphQL meets as a Borrower (its identifier field has no resolver): the raw row never reaches it.
 */
export type BorrowerView = BorrowerRecord & { readonly seen: true };

export function borrowerAsSeenThrough(row: BorrowerRecord, seesIdentity: boolean): BorrowerView {
  return { ...row, identifier: seesIdentity ? row.identifier : maskIdentifier(row.identifier), seen: true };
}
