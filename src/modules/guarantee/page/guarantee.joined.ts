import type { Scope } from '../../../access/scope';
import { Bank } from '../../bank/bank.entity';
import { seenIdentifier, type BorrowerView } from '../../borrower/borrower.view';
import { GuaranteeInstitution } from '../../institution/institution.entity';
import type { GuaranteeRecord, JoinedRow } from '../guarantee.repo';

/**
 * A guarantee as every path hands it to GraphQL: its row with its institution, bank and borrower already read
 * (one statement: GuaranteeRepo's joined reads). The schema has no resolver for these three fields, so they are
 * plain properties that graphql-jit reads inline. A relation its scope hides is null: should the scopes ever
 * disagree, selecting it is an error (the fields are non-null), never another viewer's row.
 */
export interface GuaranteeView extends GuaranteeRecord {
  institution: GuaranteeInstitution | null;
  bank: Bank | null;
  /** Null only where a page did not select it (page/guarantee.selection.ts). */
  borrower: BorrowerView | null;
}

/**
 * A page's institutions and banks, one object each however many of its rows name them (ten institutions and
 * fifty banks serve 10^6 guarantees): less to allocate and collect per row. Read-only, like every row.
 */
export interface SharedParties {
  institutions: Map<string, GuaranteeInstitution>;
  banks: Map<string, Bank>;
}

/**
 * A joined row's columns: the guarantee's (GuaranteeRecord) and its relations' under the prefixes i_, b_ and br_. A
 * relation's id is the guarantee's own key (institutionId, bankId, borrowerId), not read again; a relation its scope
 * hides is joined as nulls, which its name (never null in its table) shows.
 */
export interface JoinedLayout {
  readonly id: number;
  readonly code: number;
  readonly institutionId: number;
  readonly bankId: number;
  readonly agreementId: number;
  readonly borrowerId: number;
  readonly regionId: number;
  readonly kind: number;
  readonly loanAmount: number;
  readonly guaranteedAmount: number;
  readonly feeRate: number;
  readonly bankRiskShare: number;
  readonly startOn: number;
  readonly endOn: number;
  readonly status: number;
  readonly releasedOn: number;
  readonly smallAgri: number;
  readonly reGuaranteed: number;
  readonly compensatedAmount: number;
  readonly i_name: number;
  readonly i_creditCode: number;
  readonly i_level: number;
  readonly i_regionId: number;
  readonly i_isReGuarantor: number;
  readonly i_inHoldingGroup: number;
  readonly i_registeredCapital: number;
  readonly i_paidInCapital: number;
  readonly i_netAssets: number;
  readonly i_listStatus: number;
  readonly i_reportedOn: number;
  readonly i_admittedOn: number;
  readonly b_name: number;
  readonly b_kind: number;
  readonly b_regionId: number;
  readonly br_name: number;
  readonly br_identifier: number;
  readonly br_identifierKind: number;
  readonly br_kind: number;
  readonly br_regionId: number;
}

const layouts = new Map<string, JoinedLayout>();
/** Layouts remembered (one per select list: a bounded number); past that one is recomputed, never wrong. */
const MAX_LAYOUTS = 500;

/**
 * Where each column sits in a row of these columns (in select order); -1 for a column not selected. Written out
 * as one literal so that every layout has the same shape and reading one stays a fast property load.
 */
export function joinedLayout(columns: readonly string[]): JoinedLayout {
  const key = columns.join(',');
  const known = layouts.get(key);
  if (known) return known;
  const at = (name: keyof JoinedLayout) => columns.indexOf(name);
  const layout: JoinedLayout = {
    id: at('id'),
    code: at('code'),
    institutionId: at('institutionId'),
    bankId: at('bankId'),
    agreementId: at('agreementId'),
    borrowerId: at('borrowerId'),
    regionId: at('regionId'),
    kind: at('kind'),
    loanAmount: at('loanAmount'),
    guaranteedAmount: at('guaranteedAmount'),
    feeRate: at('feeRate'),
    bankRiskShare: at('bankRiskShare'),
    startOn: at('startOn'),
    endOn: at('endOn'),
    status: at('status'),
    releasedOn: at('releasedOn'),
    smallAgri: at('smallAgri'),
    reGuaranteed: at('reGuaranteed'),
    compensatedAmount: at('compensatedAmount'),
    i_name: at('i_name'),
    i_creditCode: at('i_creditCode'),
    i_level: at('i_level'),
    i_regionId: at('i_regionId'),
    i_isReGuarantor: at('i_isReGuarantor'),
    i_inHoldingGroup: at('i_inHoldingGroup'),
    i_registeredCapital: at('i_registeredCapital'),
    i_paidInCapital: at('i_paidInCapital'),
    i_netAssets: at('i_netAssets'),
    i_listStatus: at('i_listStatus'),
    i_reportedOn: at('i_reportedOn'),
    i_admittedOn: at('i_admittedOn'),
    b_name: at('b_name'),
    b_kind: at('b_kind'),
    b_regionId: at('b_regionId'),
    br_name: at('br_name'),
    br_identifier: at('br_identifier'),
    br_identifierKind: at('br_identifierKind'),
    br_kind: at('br_kind'),
    br_regionId: at('br_regionId'),
  };
  if (layouts.size < MAX_LAYOUTS) layouts.set(key, layout);
  return layout;
}

/** The value at a layout's index; undefined for a column not selected (-1), as a property the row lacks reads. */
function at<T>(values: readonly unknown[], index: number): T {
  return (index < 0 ? undefined : values[index]) as T;
}

/** Turns a joined row (an object keyed by column) into the guarantee with its related objects: joinedValues'. */
export function toJoined(r: JoinedRow, scope: Scope, shared?: SharedParties): GuaranteeView {
  return joinedValues(Object.values(r), joinedLayout(Object.keys(r)), scope, shared);
}

/**
 * Turns a joined row, as its values in the order `layout` describes, into the guarantee with its related objects;
 * the identifier is decided for this viewer here. Written out field by field: this runs for every row of the
 * hottest page. The guarantee is a new object of one shape, whatever the columns read (a column not read is
 * undefined): pg's row objects can each get a hidden class of their own (platform/db/sql.ts), and adding
 * properties to them, or reading them in the compiled query, then went through V8's slow paths, ~7 µs a row.
 * (created_at of the institution and bank is not selected: no field shows it, and parsing timestamps is not free.)
 */
export function joinedValues(v: readonly unknown[], L: JoinedLayout, scope: Scope, shared?: SharedParties): GuaranteeView {
  const institutionId = at<string | null | undefined>(v, L.i_name) == null ? null : at<string>(v, L.institutionId);
  const known = institutionId == null ? undefined : shared?.institutions.get(institutionId);
  const institution = institutionId == null ? null : (known ?? new GuaranteeInstitution());
  if (institution && !known) {
    shared?.institutions.set(institutionId!, institution);
    institution.id = institutionId!;
    institution.name = at(v, L.i_name);
    institution.creditCode = at(v, L.i_creditCode);
    institution.level = at(v, L.i_level);
    institution.regionId = at(v, L.i_regionId);
    institution.isReGuarantor = at(v, L.i_isReGuarantor);
    institution.inHoldingGroup = at(v, L.i_inHoldingGroup);
    institution.registeredCapital = at(v, L.i_registeredCapital);
    institution.paidInCapital = at(v, L.i_paidInCapital);
    institution.netAssets = at(v, L.i_netAssets);
    institution.listStatus = at(v, L.i_listStatus);
    institution.reportedOn = at(v, L.i_reportedOn);
    institution.admittedOn = at(v, L.i_admittedOn);
  }
  const bankId = at<string | null | undefined>(v, L.b_name) == null ? null : at<string>(v, L.bankId);
  const knownBank = bankId == null ? undefined : shared?.banks.get(bankId);
  const bank = bankId == null ? null : (knownBank ?? new Bank());
  if (bank && !knownBank) {
    shared?.banks.set(bankId!, bank);
    bank.id = bankId!;
    bank.name = at(v, L.b_name);
    bank.kind = at(v, L.b_kind);
    bank.regionId = at(v, L.b_regionId);
  }
  const institutionIdOfGuarantee = at<string>(v, L.institutionId);
  const borrowerId = at<string>(v, L.borrowerId);
  // Not joined (its columns absent) when a page does not select it. The raw identifier goes no further than here.
  const identifier = at<string | undefined>(v, L.br_identifier);
  const borrower: BorrowerView | null =
    identifier === undefined
      ? null
      : {
          id: borrowerId,
          name: at(v, L.br_name),
          identifier: seenIdentifier(identifier, scope.seesBorrowerIdentity(institutionIdOfGuarantee)),
          identifierKind: at(v, L.br_identifierKind),
          kind: at(v, L.br_kind),
          regionId: at(v, L.br_regionId),
          seen: true,
        };
  return {
    id: at(v, L.id),
    code: at(v, L.code),
    institutionId: institutionIdOfGuarantee,
    bankId: at(v, L.bankId),
    agreementId: at(v, L.agreementId),
    borrowerId,
    regionId: at(v, L.regionId),
    kind: at(v, L.kind),
    loanAmount: at(v, L.loanAmount),
    guaranteedAmount: at(v, L.guaranteedAmount),
    feeRate: at(v, L.feeRate),
    bankRiskShare: at(v, L.bankRiskShare),
    startOn: at(v, L.startOn),
    endOn: at(v, L.endOn),
    status: at(v, L.status),
    releasedOn: at(v, L.releasedOn),
    smallAgri: at(v, L.smallAgri),
    reGuaranteed: at(v, L.reGuaranteed),
    compensatedAmount: at(v, L.compensatedAmount),
    institution,
    bank,
    borrower,
  };
}
