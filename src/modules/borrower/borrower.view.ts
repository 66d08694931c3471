import { maskIdentifier } from '../../access/mask';
import type { BorrowerRecord } from './borrower.repo';

/** A borrower as one viewer sees it through one guarantee: the identifier already decided, full or masked. */
export interface BorrowerView extends BorrowerRecord {
  visibleIdentifier: string;
}

export function borrowerAsSeenThrough(row: BorrowerRecord, seesIdentity: boolean): BorrowerView {
  return { ...row, visibleIdentifier: seesIdentity ? row.identifier : maskIdentifier(row.identifier) };
}
