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
 * Turns a joined row into the guarantee with its related objects; the identifier is decided for this viewer
 * here. Written out field by field: this runs for every row of the hottest page. (created_at of the
 * institution and bank is not selected: no field shows it, and parsing timestamps is not free.)
 */
export function toJoined(r: JoinedRow, scope: Scope, shared?: SharedParties): GuaranteeView {
  const known = r.i_id == null ? undefined : shared?.institutions.get(r.i_id as string);
  const institution = r.i_id == null ? null : (known ?? new GuaranteeInstitution());
  if (institution && !known) {
    shared?.institutions.set(r.i_id as string, institution);
    institution.id = r.i_id as string;
    institution.name = r.i_name as string;
    institution.creditCode = r.i_creditCode as string;
    institution.level = r.i_level as GuaranteeInstitution['level'];
    institution.regionId = r.i_regionId as string;
    institution.isReGuarantor = r.i_isReGuarantor as boolean;
    institution.inHoldingGroup = r.i_inHoldingGroup as boolean;
    institution.registeredCapital = r.i_registeredCapital as string;
    institution.paidInCapital = r.i_paidInCapital as string;
    institution.netAssets = r.i_netAssets as string;
    institution.listStatus = r.i_listStatus as GuaranteeInstitution['listStatus'];
    institution.reportedOn = r.i_reportedOn as string | null;
    institution.admittedOn = r.i_admittedOn as string | null;
  }
  const knownBank = r.b_id == null ? undefined : shared?.banks.get(r.b_id as string);
  const bank = r.b_id == null ? null : (knownBank ?? new Bank());
  if (bank && !knownBank) {
    shared?.banks.set(r.b_id as string, bank);
    bank.id = r.b_id as string;
    bank.name = r.b_name as string;
    bank.kind = r.b_kind as Bank['kind'];
    bank.regionId = r.b_regionId as string | null;
  }
  // Not joined (its columns absent) when a page does not select it. The raw identifier leaves the row here.
  let borrower: BorrowerView | null = null;
  if (r.br_identifier !== undefined) {
    borrower = {
      id: r.borrowerId,
      name: r.br_name as string,
      identifier: seenIdentifier(r.br_identifier as string, scope.seesBorrowerIdentity(r.institutionId)),
      identifierKind: r.br_identifierKind as BorrowerView['identifierKind'],
      kind: r.br_kind as BorrowerView['kind'],
      regionId: r.br_regionId as string,
      seen: true,
    };
    r.br_identifier = undefined;
  }
  // The row itself becomes the guarantee (no copy of its ~20 fields per row); its prefixed columns name no field.
  const view = r as unknown as GuaranteeView;
  view.institution = institution;
  view.bank = bank;
  view.borrower = borrower;
  return view;
}
