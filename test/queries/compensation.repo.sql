-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- CompensationRepo.find
SELECT c.id, c.guarantee_id AS "guaranteeId", c.institution_id AS "institutionId", c.amount, c.paid_on AS "paidOn",
c.recovered_amount AS "recoveredAmount", c.suspected_malicious AS "suspectedMalicious" FROM compensation c WHERE c.id = $1 AND c.institution_id = $2;

-- CompensationRepo.byGuarantees
SELECT c.id, c.guarantee_id AS "guaranteeId", c.institution_id AS "institutionId", c.amount, c.paid_on AS "paidOn",
c.recovered_amount AS "recoveredAmount", c.suspected_malicious AS "suspectedMalicious" FROM compensation c WHERE c.guarantee_id = ANY($1) AND c.institution_id = $2 ORDER BY c.paid_on, c.created_at, c.id;

-- CompensationRepo.lock
SELECT c.id, c.institution_id AS "institutionId", c.amount, c.recovered_amount AS "recoveredAmount", c.paid_on AS "paidOn"
FROM compensation c WHERE c.id = $1 AND c.institution_id = $2 FOR UPDATE;

-- CompensationRepo.addRecovery
INSERT INTO recovery (compensation_id, amount, recovered_on) VALUES ($1, $2, $3);
UPDATE compensation SET recovered_amount = recovered_amount + $2 WHERE id = $1;

-- CompensationRepo.insert
INSERT INTO compensation (guarantee_id, institution_id, amount, paid_on, suspected_malicious, evidence) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id;
