-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- FeeSubsidyRepo.list
SELECT "c"."id" AS "c_id", "c"."institution_id" AS "c_institution_id", "c"."year" AS "c_year", "c"."eligible_amount" AS "c_eligible_amount", "c"."eligible_count" AS "c_eligible_count", "c"."subsidy_rate" AS "c_subsidy_rate", "c"."subsidy_amount" AS "c_subsidy_amount", "c"."status" AS "c_status", "c"."submitted_by" AS "c_submitted_by", "c"."submitted_at" AS "c_submitted_at", "c"."industry_decided_at" AS "c_industry_decided_at", "c"."industry_note" AS "c_industry_note", "c"."finance_decided_at" AS "c_finance_decided_at", "c"."finance_note" AS "c_finance_note", "c"."paid_on" AS "c_paid_on", "c"."paid_by" AS "c_paid_by" FROM "fee_subsidy_claim" "c" WHERE "c"."institution_id" = $1 AND "c"."institution_id" = $2 AND "c"."year" = $3 ORDER BY "c"."year" DESC, "c"."submitted_at" DESC;

-- FeeSubsidyRepo.institutionExists
SELECT 1 FROM guarantee_institution i WHERE i.id = $1 AND i.id = $2;

-- FeeSubsidyRepo.candidates
SELECT g.id, g.start_on AS "startOn", g.fee_rate AS "feeRate", g.guaranteed_amount AS "guaranteedAmount",
       g.small_agri AS "smallAgri", g.re_guaranteed AS "reGuaranteed"
FROM guarantee g
WHERE g.institution_id = $1 AND g.start_on BETWEEN CAST($2 AS date) AND CAST($3 AS date) AND g.small_agri AND g.institution_id = $4
ORDER BY g.start_on, g.id;

-- FeeSubsidyRepo.insert
INSERT INTO fee_subsidy_claim (institution_id, year, eligible_count, eligible_amount, subsidy_rate, subsidy_amount, status, submitted_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id;

-- FeeSubsidyRepo.freeze
INSERT INTO fee_subsidy_claim_guarantee (claim_id, guarantee_id) SELECT $1::uuid, unnest($2::uuid[]);

-- FeeSubsidyRepo.get (locked)
SELECT "c"."id" AS "c_id", "c"."institution_id" AS "c_institution_id", "c"."year" AS "c_year", "c"."eligible_amount" AS "c_eligible_amount", "c"."eligible_count" AS "c_eligible_count", "c"."subsidy_rate" AS "c_subsidy_rate", "c"."subsidy_amount" AS "c_subsidy_amount", "c"."status" AS "c_status", "c"."submitted_by" AS "c_submitted_by", "c"."submitted_at" AS "c_submitted_at", "c"."industry_decided_at" AS "c_industry_decided_at", "c"."industry_note" AS "c_industry_note", "c"."finance_decided_at" AS "c_finance_decided_at", "c"."finance_note" AS "c_finance_note", "c"."paid_on" AS "c_paid_on", "c"."paid_by" AS "c_paid_by" FROM "fee_subsidy_claim" "c" WHERE "c"."id" = $1 AND "c"."institution_id" = $2 FOR UPDATE;

-- FeeSubsidyRepo.decide
UPDATE fee_subsidy_claim SET status = $2, industry_decided_at = now(), industry_note = $3 WHERE id = $1;

-- FeeSubsidyRepo.eligibleByClaims
SELECT cg.claim_id AS "claimId", g.id, g.code, g.institution_id AS "institutionId", g.bank_id AS "bankId", g.agreement_id AS "agreementId",
g.borrower_id AS "borrowerId", g.region_id AS "regionId", g.kind, g.loan_amount AS "loanAmount", g.guaranteed_amount AS "guaranteedAmount",
g.fee_rate AS "feeRate", g.bank_risk_share AS "bankRiskShare", g.start_on AS "startOn", g.end_on AS "endOn", g.status,
g.released_on AS "releasedOn", g.small_agri AS "smallAgri", g.re_guaranteed AS "reGuaranteed", g.compensated_amount AS "compensatedAmount",
    i.name AS "i_name", i.credit_code AS "i_creditCode", i.level AS "i_level", i.region_id AS "i_regionId",
    i.is_re_guarantor AS "i_isReGuarantor", i.in_holding_group AS "i_inHoldingGroup", i.registered_capital AS "i_registeredCapital",
    i.paid_in_capital AS "i_paidInCapital", i.net_assets AS "i_netAssets", i.list_status AS "i_listStatus",
    i.reported_on AS "i_reportedOn", i.admitted_on AS "i_admittedOn",
    b.name AS "b_name", b.kind AS "b_kind", b.region_id AS "b_regionId",
    br.name AS "br_name", br.identifier AS "br_identifier", br.identifier_kind AS "br_identifierKind", br.kind AS "br_kind",
    br.region_id AS "br_regionId"
     FROM guarantee g
    LEFT JOIN guarantee_institution i ON i.id = g.institution_id AND i.id = $1
    LEFT JOIN bank b ON b.id = g.bank_id AND TRUE
    JOIN borrower br ON br.id = g.borrower_id JOIN fee_subsidy_claim_guarantee cg ON cg.guarantee_id = g.id
     WHERE cg.claim_id = ANY(CAST($2 AS uuid[])) AND g.institution_id = $1
     ORDER BY g.start_on, g.code;
