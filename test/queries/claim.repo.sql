-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- ClaimRepo.openStatus (risk compensation)
SELECT c.status FROM risk_compensation_claim c WHERE c.institution_id = $1 AND c.year = $2 AND c.status <> 'REJECTED' AND c.institution_id = $3;

-- ClaimRepo.openStatus (fee subsidy)
SELECT c.status FROM fee_subsidy_claim c WHERE c.institution_id = $1 AND c.year = $2 AND c.status <> 'REJECTED' AND c.institution_id = $3;

-- ClaimRepo.payable (risk compensation)
SELECT c.id, c.status, (c.decided_at AT TIME ZONE 'Asia/Shanghai')::date::text AS approved_on
FROM risk_compensation_claim c WHERE c.id = $1 AND c.institution_id = $2;

-- ClaimRepo.payable (fee subsidy)
SELECT c.id, c.status, (GREATEST(c.industry_decided_at, c.finance_decided_at) AT TIME ZONE 'Asia/Shanghai')::date::text AS approved_on
FROM fee_subsidy_claim c WHERE c.id = $1 AND c.institution_id = $2;

-- ClaimRepo.markPaid
UPDATE fee_subsidy_claim SET status = 'PAID', paid_on = $1, paid_by = $2 WHERE id = $3 AND status = 'APPROVED' RETURNING id;
