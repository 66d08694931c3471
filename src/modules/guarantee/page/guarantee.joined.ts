import type { Scope } from '../../../access/scope';
import { Bank } from '../../bank/bank.entity';
import { borrowerAsSeenThrough, type BorrowerView } from '../../borrower/borrower.view';
import { GuaranteeInstitution } from '../../institution/institution.entity';
import { GUARANTEE_COLUMNS, type GuaranteeRecord } from '../guarantee.sql';

/**
 * The hot page reads each guarantee with its institution, bank and borrower in the same statement (three
 * primary-key joins per row), so a page costs one query and its relation fields resolve synchronously.
 * Institution and bank are joined under their own scope conditions: should the scopes ever disagree, the
 * joined object is absent and the field falls back to its scoped loader, which reports the row as missing.
 */
export interface JoinedGuarantee extends GuaranteeRecord {
  joined: { institution: GuaranteeInstitution | null; bank: Bank | null; borrower: BorrowerView };
}

export function joinedSelect(scope: Scope): { select: string; from: string; params: Record<string, unknown> } {
  const i = scope.institutions('i');
  const b = scope.banks('b');
  return {
    select: `${GUARANTEE_COLUMNS},
      i.id AS "i_id", i.name AS "i_name", i.credit_code AS "i_creditCode", i.level AS "i_level", i.region_id AS "i_regionId",
      i.is_re_guarantor AS "i_isReGuarantor", i.in_holding_group AS "i_inHoldingGroup", i.registered_capital AS "i_registeredCapital",
      i.paid_in_capital AS "i_paidInCapital", i.net_assets AS "i_netAssets", i.list_status AS "i_listStatus",
      i.reported_on AS "i_reportedOn", i.admitted_on AS "i_admittedOn",
      b.id AS "b_id", b.name AS "b_name", b.kind AS "b_kind", b.region_id AS "b_regionId",
      br.name AS "br_name", br.identifier AS "br_identifier", br.identifier_kind AS "br_identifierKind", br.kind AS "br_kind",
      br.region_id AS "br_regionId"`,
    from: `guarantee g
      LEFT JOIN guarantee_institution i ON i.id = g.institution_id AND ${i.sql}
      LEFT JOIN bank b ON b.id = g.bank_id AND ${b.sql}
      JOIN borrower br ON br.id = g.borrower_id`,
    params: { ...i.params, ...b.params },
  };
}

type Row = GuaranteeRecord & Record<string, unknown>;

/**
 * Splits a joined row into the guarantee and its related objects; the identifier is decided for this viewer
 * here. Written out field by field: this runs for every row of the hottest page. (created_at of the
 * institution and bank is not selected: no field shows it, and parsing timestamps is not free.)
 */
export function toJoined(r: Row, scope: Scope): JoinedGuarantee {
  const institution = r.i_id === null ? null : new GuaranteeInstitution();
  if (institution) {
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
  const bank = r.b_id === null ? null : new Bank();
  if (bank) {
    bank.id = r.b_id as string;
    bank.name = r.b_name as string;
    bank.kind = r.b_kind as Bank['kind'];
    bank.regionId = r.b_regionId as string | null;
  }
  const borrower = borrowerAsSeenThrough(
    {
      id: r.borrowerId,
      name: r.br_name as string,
      identifier: r.br_identifier as string,
      identifierKind: r.br_identifierKind as BorrowerView['identifierKind'],
      kind: r.br_kind as BorrowerView['kind'],
      regionId: r.br_regionId as string,
    },
    scope.seesBorrowerIdentity(r.institutionId),
  );
  return {
    id: r.id,
    code: r.code,
    institutionId: r.institutionId,
    bankId: r.bankId,
    agreementId: r.agreementId,
    borrowerId: r.borrowerId,
    regionId: r.regionId,
    kind: r.kind,
    loanAmount: r.loanAmount,
    guaranteedAmount: r.guaranteedAmount,
    feeRate: r.feeRate,
    bankRiskShare: r.bankRiskShare,
    startOn: r.startOn,
    endOn: r.endOn,
    status: r.status,
    releasedOn: r.releasedOn,
    smallAgri: r.smallAgri,
    compensatedAmount: r.compensatedAmount,
    joined: { institution, bank, borrower },
  };
}
