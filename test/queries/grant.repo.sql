-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- GrantRepo.lockInstitutionGrants (exclusive)
SELECT pg_advisory_xact_lock(hashtextextended('guarantee-grants:' || $1::text, 0));

-- GrantRepo.lockInstitutionGrants (shared)
SELECT pg_advisory_xact_lock_shared(hashtextextended('guarantee-grants:' || $1::text, 0));

-- GrantRepo.institutionExists
SELECT 1 FROM guarantee_institution i WHERE i.id = $1 AND TRUE;

-- GrantRepo.existing (bank)
SELECT t.id FROM bank t WHERE t.id = ANY(CAST($1 AS uuid[])) AND TRUE;

-- GrantRepo.existing (region)
SELECT t.id FROM region t WHERE t.id = ANY(CAST($1 AS uuid[])) AND TRUE;

-- GrantRepo.regionIdsByCode
SELECT id, code FROM region;

-- GrantRepo.existingCodes
SELECT g.code FROM guarantee g WHERE g.institution_id = $1 AND g.code = ANY(CAST($2 AS varchar[])) AND TRUE;

-- GrantRepo.inForceByBorrower
SELECT g.borrower_id AS "borrowerId", sum(g.guaranteed_amount) AS total FROM guarantee g
WHERE g.institution_id = $1 AND g.borrower_id = ANY(CAST($2 AS uuid[])) AND g.status = 'ACTIVE' AND TRUE
GROUP BY g.borrower_id;

-- GrantRepo.insert
WITH r AS MATERIALIZED (
       SELECT gen_random_uuid() AS id, u.* FROM unnest($2::varchar[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::varchar[], $8::numeric[],
                                                        $9::numeric[], $10::numeric[], $11::numeric[], $12::date[], $13::date[], $14::boolean[],
                                                        $15::boolean[]) WITH ORDINALITY
         AS u(code, bank_id, agreement_id, borrower_id, region_id, kind, loan_amount, guaranteed_amount, fee_rate, bank_risk_share, start_on, end_on,
              small_agri, re_guaranteed, n)),
     k AS (INSERT INTO guarantee_key (id, institution_id, code) SELECT id, $1::uuid, code FROM r ORDER BY n)
     INSERT INTO guarantee AS g (id, institution_id, code, bank_id, agreement_id, borrower_id, region_id, kind, loan_amount, guaranteed_amount, fee_rate,
                                 bank_risk_share, start_on, end_on, small_agri, re_guaranteed)
     SELECT id, $1::uuid, code, bank_id, agreement_id, borrower_id, region_id, kind, loan_amount, guaranteed_amount, fee_rate, bank_risk_share,
            start_on, end_on, small_agri, re_guaranteed FROM r ORDER BY n
     RETURNING g.id, g.code, g.institution_id AS "institutionId", g.bank_id AS "bankId", g.agreement_id AS "agreementId",
g.borrower_id AS "borrowerId", g.region_id AS "regionId", g.kind, g.loan_amount AS "loanAmount", g.guaranteed_amount AS "guaranteedAmount",
g.fee_rate AS "feeRate", g.bank_risk_share AS "bankRiskShare", g.start_on AS "startOn", g.end_on AS "endOn", g.status,
g.released_on AS "releasedOn", g.small_agri AS "smallAgri", g.re_guaranteed AS "reGuaranteed", g.compensated_amount AS "compensatedAmount";
