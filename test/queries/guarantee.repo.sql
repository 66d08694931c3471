-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- GuaranteeRepo.page (institution viewer, every filter, after a cursor)
SELECT g.id, g.code, g.institution_id AS "institutionId", g.bank_id AS "bankId", g.agreement_id AS "agreementId",
g.borrower_id AS "borrowerId", g.region_id AS "regionId", g.kind, g.loan_amount AS "loanAmount", g.guaranteed_amount AS "guaranteedAmount",
g.fee_rate AS "feeRate", g.bank_risk_share AS "bankRiskShare", g.start_on AS "startOn", g.end_on AS "endOn", g.status,
g.released_on AS "releasedOn", g.small_agri AS "smallAgri", g.re_guaranteed AS "reGuaranteed", g.compensated_amount AS "compensatedAmount",
    i.name AS "i_name", i.credit_code AS "i_creditCode", i.level AS "i_level", i.region_id AS "i_regionId",
    i.is_re_guarantor AS "i_isReGuarantor", i.in_holding_group AS "i_inHoldingGroup", i.registered_capital AS "i_registeredCapital",
    i.paid_in_capital AS "i_paidInCapital", i.net_assets AS "i_netAssets", i.list_status AS "i_listStatus",
    i.reported_on AS "i_reportedOn", i.admitted_on AS "i_admittedOn",
    b.name AS "b_name", b.kind AS "b_kind", b.region_id AS "b_regionId",
    br.name AS "br_name", br.identifier AS "br_identifier", br.identifier_kind AS "br_identifierKind", br.kind AS "br_kind",
    br.region_id AS "br_regionId" FROM guarantee g
    LEFT JOIN guarantee_institution i ON i.id = g.institution_id AND i.id = $1
    LEFT JOIN bank b ON b.id = g.bank_id AND TRUE
    JOIN borrower br ON br.id = g.borrower_id WHERE g.institution_id = $1 AND g.institution_id = $2 AND g.bank_id = $3 AND g.region_id = $4 AND g.status = $5 AND g.small_agri = $6 AND g.start_on >= $7 AND g.start_on <= $8 AND g.start_on <= $9 AND (g.start_on, g.id) < ($9, $10) ORDER BY g.start_on DESC, g.id DESC LIMIT 51;

-- GuaranteeRepo.page (no filter, first page)
SELECT g.id, g.code, g.institution_id AS "institutionId", g.bank_id AS "bankId", g.agreement_id AS "agreementId",
g.borrower_id AS "borrowerId", g.region_id AS "regionId", g.kind, g.loan_amount AS "loanAmount", g.guaranteed_amount AS "guaranteedAmount",
g.fee_rate AS "feeRate", g.bank_risk_share AS "bankRiskShare", g.start_on AS "startOn", g.end_on AS "endOn", g.status,
g.released_on AS "releasedOn", g.small_agri AS "smallAgri", g.re_guaranteed AS "reGuaranteed", g.compensated_amount AS "compensatedAmount",
    i.name AS "i_name", i.credit_code AS "i_creditCode", i.level AS "i_level", i.region_id AS "i_regionId",
    i.is_re_guarantor AS "i_isReGuarantor", i.in_holding_group AS "i_inHoldingGroup", i.registered_capital AS "i_registeredCapital",
    i.paid_in_capital AS "i_paidInCapital", i.net_assets AS "i_netAssets", i.list_status AS "i_listStatus",
    i.reported_on AS "i_reportedOn", i.admitted_on AS "i_admittedOn",
    b.name AS "b_name", b.kind AS "b_kind", b.region_id AS "b_regionId",
    br.name AS "br_name", br.identifier AS "br_identifier", br.identifier_kind AS "br_identifierKind", br.kind AS "br_kind",
    br.region_id AS "br_regionId" FROM guarantee g
    LEFT JOIN guarantee_institution i ON i.id = g.institution_id AND i.id = $1
    LEFT JOIN bank b ON b.id = g.bank_id AND TRUE
    JOIN borrower br ON br.id = g.borrower_id WHERE g.institution_id = $1 ORDER BY g.start_on DESC, g.id DESC LIMIT 51;

-- GuaranteeRepo.findJoined
SELECT g.id, g.code, g.institution_id AS "institutionId", g.bank_id AS "bankId", g.agreement_id AS "agreementId",
g.borrower_id AS "borrowerId", g.region_id AS "regionId", g.kind, g.loan_amount AS "loanAmount", g.guaranteed_amount AS "guaranteedAmount",
g.fee_rate AS "feeRate", g.bank_risk_share AS "bankRiskShare", g.start_on AS "startOn", g.end_on AS "endOn", g.status,
g.released_on AS "releasedOn", g.small_agri AS "smallAgri", g.re_guaranteed AS "reGuaranteed", g.compensated_amount AS "compensatedAmount",
    i.name AS "i_name", i.credit_code AS "i_creditCode", i.level AS "i_level", i.region_id AS "i_regionId",
    i.is_re_guarantor AS "i_isReGuarantor", i.in_holding_group AS "i_inHoldingGroup", i.registered_capital AS "i_registeredCapital",
    i.paid_in_capital AS "i_paidInCapital", i.net_assets AS "i_netAssets", i.list_status AS "i_listStatus",
    i.reported_on AS "i_reportedOn", i.admitted_on AS "i_admittedOn",
    b.name AS "b_name", b.kind AS "b_kind", b.region_id AS "b_regionId",
    br.name AS "br_name", br.identifier AS "br_identifier", br.identifier_kind AS "br_identifierKind", br.kind AS "br_kind",
    br.region_id AS "br_regionId" FROM guarantee g
    LEFT JOIN guarantee_institution i ON i.id = g.institution_id AND i.id = $1
    LEFT JOIN bank b ON b.id = g.bank_id AND TRUE
    JOIN borrower br ON br.id = g.borrower_id WHERE g.id = $2 AND g.institution_id = $1;

-- GuaranteeRepo.byIds
SELECT g.id, g.code, g.institution_id AS "institutionId", g.bank_id AS "bankId", g.agreement_id AS "agreementId",
g.borrower_id AS "borrowerId", g.region_id AS "regionId", g.kind, g.loan_amount AS "loanAmount", g.guaranteed_amount AS "guaranteedAmount",
g.fee_rate AS "feeRate", g.bank_risk_share AS "bankRiskShare", g.start_on AS "startOn", g.end_on AS "endOn", g.status,
g.released_on AS "releasedOn", g.small_agri AS "smallAgri", g.re_guaranteed AS "reGuaranteed", g.compensated_amount AS "compensatedAmount",
    i.name AS "i_name", i.credit_code AS "i_creditCode", i.level AS "i_level", i.region_id AS "i_regionId",
    i.is_re_guarantor AS "i_isReGuarantor", i.in_holding_group AS "i_inHoldingGroup", i.registered_capital AS "i_registeredCapital",
    i.paid_in_capital AS "i_paidInCapital", i.net_assets AS "i_netAssets", i.list_status AS "i_listStatus",
    i.reported_on AS "i_reportedOn", i.admitted_on AS "i_admittedOn",
    b.name AS "b_name", b.kind AS "b_kind", b.region_id AS "b_regionId",
    br.name AS "br_name", br.identifier AS "br_identifier", br.identifier_kind AS "br_identifierKind", br.kind AS "br_kind",
    br.region_id AS "br_regionId" FROM guarantee g
    LEFT JOIN guarantee_institution i ON i.id = g.institution_id AND i.id = $1
    LEFT JOIN bank b ON b.id = g.bank_id AND TRUE
    JOIN borrower br ON br.id = g.borrower_id WHERE g.id = ANY($2) AND g.institution_id = $1;

-- GuaranteeRepo.countRows
SELECT count(*)::int AS n FROM guarantee g WHERE g.institution_id = $1 AND g.institution_id = $2 AND g.status = $3 AND g.small_agri = $4 AND g.start_on >= $5;

-- GuaranteeRepo.countFromAggregate
SELECT coalesce(sum(s.small_agri_count), 0)::int AS n FROM business_month_stats s WHERE s.institution_id = $1 AND s.institution_id = $2 AND s.month >= $3;

-- GuaranteeRepo.lock
SELECT g.id, g.code, g.institution_id AS "institutionId", g.bank_id AS "bankId", g.agreement_id AS "agreementId",
g.borrower_id AS "borrowerId", g.region_id AS "regionId", g.kind, g.loan_amount AS "loanAmount", g.guaranteed_amount AS "guaranteedAmount",
g.fee_rate AS "feeRate", g.bank_risk_share AS "bankRiskShare", g.start_on AS "startOn", g.end_on AS "endOn", g.status,
g.released_on AS "releasedOn", g.small_agri AS "smallAgri", g.re_guaranteed AS "reGuaranteed", g.compensated_amount AS "compensatedAmount" FROM guarantee g WHERE g.id = $1 AND g.institution_id = $2 FOR UPDATE;

-- GuaranteeRepo.addCompensated
UPDATE guarantee SET compensated_amount = compensated_amount + $2 WHERE id = $1;

-- GuaranteeRepo.setEnded
UPDATE guarantee g SET status = $1, released_on = $2 WHERE g.id = $3 RETURNING g.id, g.code, g.institution_id AS "institutionId", g.bank_id AS "bankId", g.agreement_id AS "agreementId",
g.borrower_id AS "borrowerId", g.region_id AS "regionId", g.kind, g.loan_amount AS "loanAmount", g.guaranteed_amount AS "guaranteedAmount",
g.fee_rate AS "feeRate", g.bank_risk_share AS "bankRiskShare", g.start_on AS "startOn", g.end_on AS "endOn", g.status,
g.released_on AS "releasedOn", g.small_agri AS "smallAgri", g.re_guaranteed AS "reGuaranteed", g.compensated_amount AS "compensatedAmount";
