import { z } from 'zod';
import { BadInputError, ConflictError, CreditLineExceededError, type DomainError, PolicyViolationError } from '../../../platform/errors';
import type { Dec } from '../../../platform/lib/decimal';
import { dec } from '../../../platform/lib/decimal';
import { checkBorrowerIdentifier, type IdentifierKind } from '../../../platform/lib/identifiers';
import { issuesOf } from '../../../platform/validation/parse';
import { eventDate, fraction, hubId, line, maturityDate, money, no, oneOf, rule, whenValid } from '../../../platform/validation/schemas';
import { BorrowerKind } from '../../borrower/borrower.entity';
import { r2Violation } from './grant.calc';
import { GuaranteeKind } from '../guarantee.entity';

/**
 * The one validation of a guarantee as it enters the hub, shared by createGuarantee and the batch import
 * (which maps CSV and XLSX columns onto the same fields): `guaranteeSchema`. Everything decidable without the database is here;
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
  /** A boolean from GraphQL, a cell's text from a file (reGuaranteedFlag); absent is false. */
  reGuaranteed?: boolean | string | null;
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
  reGuaranteed: boolean;
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
/** guarantee.code is varchar(64); borrower.name varchar(200). */
const CODE_MAX = 64;
const NAME_MAX = 200;

const borrowerIdentifier = rule((raw) => {
  const checked = checkBorrowerIdentifier(typeof raw === 'string' ? raw : '');
  return checked.ok ? { value: checked.value, kind: checked.kind } : no(checked.reason);
});

/** The spellings of 纳入省再担保 a 总对总 file may use (../shared/DESIGN.md §4); an empty cell, like an absent field, is false. */
const FLAG_TEXT: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['是', true],
  ['否', false],
  ['1', true],
  ['0', false],
]);

/** reGuaranteed: a boolean (GraphQL) or a cell (true/false, 是/否, 1/0; empty is false). */
export const reGuaranteedFlag = rule((raw) => {
  if (raw === null || raw === undefined) return false;
  if (typeof raw === 'boolean') return raw;
  const text = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
  if (text === '') return false;
  const flag = text === undefined ? undefined : FLAG_TEXT.get(text);
  return flag ?? no('must be true or false (是/否, 1/0; empty is false)');
});

/**
 * A guarantee as it enters the hub: the GuaranteeInput of createGuarantee and a row of a 总对总 file
 * (import.csv.ts maps its columns onto these fields). Field order is report order.
 */
export const guaranteeSchema = z
  .object({
    code: line(CODE_MAX),
    borrower: z.object({
      name: line(NAME_MAX),
      identifier: borrowerIdentifier,
      kind: oneOf(BorrowerKind),
      regionId: hubId('region'),
    }),
    bankId: hubId('bank'),
    kind: oneOf(GuaranteeKind),
    loanAmount: money('positive'),
    guaranteedAmount: money('positive'),
    feeRate: fraction,
    startOn: eventDate,
    endOn: maturityDate,
    reGuaranteed: reGuaranteedFlag,
  })
  .refine((g) => !dec(g.guaranteedAmount).gt(g.loanAmount), {
    path: ['guaranteedAmount'],
    message: 'may not exceed loanAmount',
    when: whenValid('loanAmount', 'guaranteedAmount'),
  })
  .refine((g) => g.endOn >= g.startOn, { path: ['endOn'], message: 'may not be before startOn', when: whenValid('startOn', 'endOn') });

/** The order problems are reported in: the input's own, a cross-field problem beside its field. */
const FIELD_ORDER = [
  'code',
  'borrower.name',
  'borrower.identifier',
  'borrower.kind',
  'borrower.regionId',
  'bankId',
  'kind',
  'loanAmount',
  'guaranteedAmount',
  'feeRate',
  'startOn',
  'endOn',
  'reGuaranteed',
];
const rank = (issue: { field: string }) => FIELD_ORDER.indexOf(issue.field);

/** Every problem of the draft, field problems first (in the input's order), then the policy's (R2). */
export function validateGuarantee(d: GuaranteeDraft): Validated {
  const parsed = guaranteeSchema.safeParse(d);
  const issues: Issue[] = parsed.success
    ? []
    : issuesOf(parsed.error)
        .sort((a, b) => rank(a) - rank(b))
        .map((i) => ({ ...i, code: 'BAD_USER_INPUT' as const }));
  // R2 is the policy's, not the form's: judged whenever both kinds are real, even beside other problems.
  if (BORROWER_KINDS.has(d.borrower?.kind) && GUARANTEE_KINDS.has(d.kind)) {
    const r2 = r2Violation(d.borrower.kind as BorrowerKind, d.kind as GuaranteeKind);
    if (r2) issues.push({ field: 'borrower.kind', code: 'POLICY_VIOLATION', message: r2, rule: 'R2' });
  }
  if (!parsed.success || issues.length) return { ok: false, issues };
  const g = parsed.data;
  const { identifier, ...borrower } = g.borrower;
  return {
    ok: true,
    value: { ...g, borrower: { ...borrower, identifier: identifier.value, identifierKind: identifier.kind } },
  };
}

/** The catalogue error of an issue, for writes that stop at the first problem. */
export function issueError(issue: Issue): DomainError {
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
