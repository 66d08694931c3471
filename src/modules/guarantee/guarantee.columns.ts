import type { Scope } from '../../access/scope';
import { FULL_SELECTION, Tier, type PageSelection } from './page/guarantee.selection';

/** The select list of a GuaranteeRecord over the alias `g`. */
export const GUARANTEE_COLUMNS = `g.id, g.code, g.institution_id AS "institutionId", g.bank_id AS "bankId", g.agreement_id AS "agreementId",
  g.borrower_id AS "borrowerId", g.region_id AS "regionId", g.kind, g.loan_amount AS "loanAmount", g.guaranteed_amount AS "guaranteedAmount",
  g.fee_rate AS "feeRate", g.bank_risk_share AS "bankRiskShare", g.start_on AS "startOn", g.end_on AS "endOn", g.status,
  g.released_on AS "releasedOn", g.small_agri AS "smallAgri", g.re_guaranteed AS "reGuaranteed", g.compensated_amount AS "compensatedAmount"`;

/** What a page's NARROW tier reads of the guarantee (page/guarantee.selection.ts): its keys and the fields a list shows. */
const GUARANTEE_NARROW = `g.id, g.code, g.institution_id AS "institutionId", g.bank_id AS "bankId", g.borrower_id AS "borrowerId", g.kind,
  g.guaranteed_amount AS "guaranteedAmount", g.fee_rate AS "feeRate", g.start_on AS "startOn", g.end_on AS "endOn", g.status,
  g.small_agri AS "smallAgri"`;

const INSTITUTION = {
  [Tier.NARROW]: `i.name AS "i_name"`,
  [Tier.FULL]: `i.name AS "i_name", i.credit_code AS "i_creditCode", i.level AS "i_level", i.region_id AS "i_regionId",
      i.is_re_guarantor AS "i_isReGuarantor", i.in_holding_group AS "i_inHoldingGroup", i.registered_capital AS "i_registeredCapital",
      i.paid_in_capital AS "i_paidInCapital", i.net_assets AS "i_netAssets", i.list_status AS "i_listStatus",
      i.reported_on AS "i_reportedOn", i.admitted_on AS "i_admittedOn"`,
};
const BANK = {
  [Tier.NARROW]: `b.name AS "b_name"`,
  [Tier.FULL]: `b.name AS "b_name", b.kind AS "b_kind", b.region_id AS "b_regionId"`,
};
const BORROWER = {
  [Tier.NARROW]: `br.name AS "br_name", br.identifier AS "br_identifier"`,
  [Tier.FULL]: `br.name AS "br_name", br.identifier AS "br_identifier", br.identifier_kind AS "br_identifierKind", br.kind AS "br_kind",
      br.region_id AS "br_regionId"`,
};

/**
 * Each guarantee with its institution, bank and borrower in the same statement (three primary-key joins per
 * row), so a page, a guarantee or a batch of them costs one query and their relations need no resolver
 * (page/guarantee.joined.ts). Institution and bank are joined under their own scope conditions: should the
 * scopes ever disagree, the joined object is absent (null), never a row the viewer may not read. A page reads
 * only the parts, and the tier of each, that its query selects (page/guarantee.selection.ts); a relation not
 * selected is not joined (the borrower join adds no rows: every guarantee has one).
 */
export function guaranteeJoin(
  scope: Scope,
  selection: PageSelection = FULL_SELECTION,
): { select: string; columns: readonly string[]; from: string; params: Record<string, unknown> } {
  const i = scope.institutions('i');
  const b = scope.banks('b');
  const select = [selection.guarantee === Tier.FULL ? GUARANTEE_COLUMNS : GUARANTEE_NARROW];
  const from = ['guarantee g'];
  const params: Record<string, unknown> = {};
  if (selection.institution !== Tier.NONE) {
    select.push(INSTITUTION[selection.institution]);
    from.push(`LEFT JOIN guarantee_institution i ON i.id = g.institution_id AND ${i.sql}`);
    Object.assign(params, i.params);
  }
  if (selection.bank !== Tier.NONE) {
    select.push(BANK[selection.bank]);
    from.push(`LEFT JOIN bank b ON b.id = g.bank_id AND ${b.sql}`);
    Object.assign(params, b.params);
  }
  if (selection.borrower !== Tier.NONE) {
    select.push(BORROWER[selection.borrower]);
    from.push('JOIN borrower br ON br.id = g.borrower_id');
  }
  const text = select.join(',\n      ');
  return { select: text, columns: selectedColumns(text), from: from.join('\n      '), params };
}

const columnsOf = new Map<string, readonly string[]>();

/**
 * The names a select list gives its columns, in order: each item is `alias.column`, optionally `AS "name"` (the
 * form of the lists above; anything else is refused). For rows read as arrays (GuaranteeRepo.page), whose values
 * are in this order. Cached per list: a page's lists take a bounded number of shapes.
 */
export function selectedColumns(list: string): readonly string[] {
  let names = columnsOf.get(list);
  if (!names) {
    names = list.split(',').map((item) => {
      const m = /^\s*[a-z]+\.([a-z_]+)(?:\s+AS\s+"([A-Za-z_]+)")?\s*$/.exec(item);
      if (!m) throw new Error(`not a column of a select list: ${item}`);
      return m[2] ?? m[1];
    });
    columnsOf.set(list, names);
  }
  return names;
}
