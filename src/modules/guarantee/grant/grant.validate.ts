import { BadInputError, ConflictError, CreditLineExceededError, type HubError, PolicyViolationError } from '../../../platform/errors';
import type { Dec } from '../../../platform/lib/decimal';
import { dec } from '../../../platform/lib/decimal';
import { isUuid } from '../../../platform/lib/ids';
import { checkBorrowerIdentifier, type IdentifierKind } from '../../../platform/lib/identifiers';
import { BorrowerKind } from '../../borrower/borrower.entity';
import { r2Violation } from './grant.calc';
import { GuaranteeKind } from '../guarantee.entity';
import { checkDate, checkFraction, checkMoney, checkText } from '../../../platform/lib/values';

/**
 * The one validation of a guarantee as it enters the hub, shared by createGuarantee and the batch import
 * (which maps CSV columns onto the same fields). Everything decidable without the database is here;
 * grant.batch.ts decides the rest (existence, duplicates, R6 credit line, R1).
 */
export interface GuaranteeDraft {
  bankId: string;
  code: string;
  borrower: { name: string; identifier: string; kind: string; regionId: string };
  kind: string;
  loanAmount: Dec | string;
  guaranteedAmount: Dec | string;
  feeRate: Dec | string;
  startOn: string;
  endOn: string;
}

export interface ValidGuarantee {
  bankId: string;
  code: string;
  borrower: { name: string; identifier: string; identifierKind: IdentifierKind; kind: BorrowerKind; regionId: string };
  kind: GuaranteeKind;
  loanAmount: string;
  guaranteedAmount: string;
  feeRate: string;
  startOn: string;
  endOn: string;
}

/** Why a guarantee is refused: the error code and the input field (path in GuaranteeInput) it concerns. */
export interface Issue {
  field: string;
  code: 'BAD_USER_INPUT' | 'POLICY_VIOLATION' | 'CREDIT_LINE_EXCEEDED' | 'CONFLICT';
  message: string;
  rule?: string;
}

export type Validated = { ok: true; value: ValidGuarantee } | { ok: false; issues: Issue[] };

const BORROWER_KINDS = new Set<string>(Object.values(BorrowerKind));
const GUARANTEE_KINDS = new Set<string>(Object.values(GuaranteeKind));
/** guarantee.code is varchar(64). */
const CODE_MAX = 64;

/** Every problem of the draft, field problems first, then the policy's (R2). */
export function validateGuarantee(d: GuaranteeDraft): Validated {
  const issues: Issue[] = [];
  const bad = (field: string, message: string) => issues.push({ field, code: 'BAD_USER_INPUT', message: `${field} ${message}` });
  const take = <T>(field: string, c: { ok: true; value: T } | { ok: false; message: string }): T | undefined => {
    if (c.ok) return c.value;
    bad(field, c.message);
    return undefined;
  };

  const code = take('code', checkText(d.code, CODE_MAX));
  const name = take('borrower.name', checkText(d.borrower.name, 200));
  const identifier = checkBorrowerIdentifier(d.borrower.identifier ?? '');
  if (!identifier.ok) bad('borrower.identifier', identifier.reason);
  const borrowerKind = BORROWER_KINDS.has(d.borrower.kind) ? (d.borrower.kind as BorrowerKind) : undefined;
  if (!borrowerKind) bad('borrower.kind', `must be one of ${[...BORROWER_KINDS].join(', ')}`);
  if (!isUuid(d.borrower.regionId ?? '')) bad('borrower.regionId', 'names no region');
  if (!isUuid(d.bankId ?? '')) bad('bankId', 'names no bank');
  const kind = GUARANTEE_KINDS.has(d.kind) ? (d.kind as GuaranteeKind) : undefined;
  if (!kind) bad('kind', `must be one of ${[...GUARANTEE_KINDS].join(', ')}`);
  const loanAmount = take('loanAmount', checkMoney(d.loanAmount));
  const guaranteedAmount = take('guaranteedAmount', checkMoney(d.guaranteedAmount));
  if (loanAmount && guaranteedAmount && dec(guaranteedAmount).gt(loanAmount)) bad('guaranteedAmount', 'may not exceed loanAmount');
  const feeRate = take('feeRate', checkFraction(d.feeRate));
  const startOn = take('startOn', checkDate(d.startOn));
  const endOn = take('endOn', checkDate(d.endOn));
  if (startOn && endOn && endOn < startOn) bad('endOn', 'may not be before startOn');

  if (borrowerKind && kind) {
    const r2 = r2Violation(borrowerKind, kind);
    if (r2) issues.push({ field: 'borrower.kind', code: 'POLICY_VIOLATION', message: r2, rule: 'R2' });
  }
  if (issues.length || !identifier.ok) return { ok: false, issues };
  return {
    ok: true,
    value: {
      bankId: d.bankId.toLowerCase(),
      code: code!,
      borrower: {
        name: name!,
        identifier: identifier.value,
        identifierKind: identifier.kind,
        kind: borrowerKind!,
        regionId: d.borrower.regionId.toLowerCase(),
      },
      kind: kind!,
      loanAmount: loanAmount!,
      guaranteedAmount: guaranteedAmount!,
      feeRate: feeRate!,
      startOn: startOn!,
      endOn: endOn!,
    },
  };
}

/** The catalogue error of an issue, for writes that stop at the first problem. */
export function issueError(issue: Issue): HubError {
  switch (issue.code) {
    case 'POLICY_VIOLATION':
      return new PolicyViolationError(issue.message, issue.rule ?? 'R2');
    case 'CREDIT_LINE_EXCEEDED':
      return new CreditLineExceededError(issue.message);
    case 'CONFLICT':
      return new ConflictError(issue.message);
    default:
      return new BadInputError(issue.field, issue.message);
  }
}
