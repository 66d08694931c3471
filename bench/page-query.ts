import { PAGE_SIZE } from './floor';

/**
 * The page the issue names: 100 guarantees with institution, bank and borrower, the count and the page
 * info. Without totalCount it is the page STACK.md's figures (floor, PostGraphile) were measured on.
 */
export function pageQuery(counted: boolean): string {
  return `query Page($filter: GuaranteeFilter, $after: String) {
  guarantees(filter: $filter, first: ${PAGE_SIZE}, after: $after) {
    ${counted ? 'totalCount' : ''}
    edges { cursor node { id code guaranteedAmount feeRate startOn status smallAgri institution { name } bank { name } borrower { name identifier } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
}
