-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- LeadRepo.read (institution viewer, by ids and status)
SELECT l.id, l.compensation_id, l.institution_id, l.status, l.evidence, l.transferred_at, l.police_case_number, l.police_note,
     i.name AS institution_name, b.name AS borrower_name, b.identifier AS borrower_identifier,
     c.amount AS compensation_amount, c.paid_on AS compensation_paid_on
FROM malicious_default_lead l
JOIN compensation c ON c.id = l.compensation_id
JOIN guarantee g ON g.id = c.guarantee_id
JOIN borrower b ON b.id = g.borrower_id
JOIN guarantee_institution i ON i.id = l.institution_id WHERE l.institution_id = $1 AND l.id = ANY($2) AND l.status = $3 ORDER BY l.created_at DESC, l.id;

-- LeadRepo.read (police, by compensation)
SELECT l.id, l.compensation_id, l.institution_id, l.status, l.evidence, l.transferred_at, l.police_case_number, l.police_note,
     i.name AS institution_name, b.name AS borrower_name, b.identifier AS borrower_identifier,
     c.amount AS compensation_amount, c.paid_on AS compensation_paid_on
FROM malicious_default_lead l
JOIN compensation c ON c.id = l.compensation_id
JOIN guarantee g ON g.id = c.guarantee_id
JOIN borrower b ON b.id = g.borrower_id
JOIN guarantee_institution i ON i.id = l.institution_id WHERE l.transferred_at IS NOT NULL AND l.compensation_id = ANY($1) ORDER BY l.created_at DESC, l.id;

-- LeadRepo.lock
SELECT l.id, l.institution_id AS "institutionId", l.status FROM malicious_default_lead l WHERE l.id = $1 AND l.institution_id = $2 FOR UPDATE;

-- LeadRepo.setReviewed
UPDATE malicious_default_lead SET status = $2, review_note = $3, reviewed_at = now(), reviewed_by = $4, updated_at = now() WHERE id = $1;

-- LeadRepo.setTransferred
UPDATE malicious_default_lead SET status = $2, transferred_at = now(), updated_at = now() WHERE id = $1;

-- LeadRepo.setInvestigation
UPDATE malicious_default_lead
  SET status = $2, police_case_number = COALESCE($3, police_case_number), police_note = COALESCE($4, police_note), updated_at = now()
WHERE id = $1;
