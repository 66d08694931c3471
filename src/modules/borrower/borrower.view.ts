import { maskIdentifier } from '../../access/mask';
import type { BorrowerRecord } from './borrower.repo';

/**
 * A borrower as one viewer sees it through one guarantee: `identifier` is already decided, full or masked. The
 * only shape GraphQL meets as a Borrower (its identifier field has no resolver): the raw row never reaches it.
 */
export type BorrowerView = BorrowerRecord & { readonly seen: true };

/** The identifier as a viewer may see it: in full with the right to it, else masked. */
export function seenIdentifier(identifier: string, seesIdentity: boolean): string {
  return seesIdentity ? identifier : maskIdentifier(identifier);
}
