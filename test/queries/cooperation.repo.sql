-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- CooperationRepo.list (both parties)
SELECT "a"."id" AS "a_id", "a"."institution_id" AS "a_institution_id", "a"."bank_id" AS "a_bank_id", "a"."bank_risk_share" AS "a_bank_risk_share", "a"."credit_line" AS "a_credit_line", "a"."used_credit" AS "a_used_credit", "a"."batch_mode" AS "a_batch_mode", "a"."green_channel" AS "a_green_channel", "a"."exception_reason" AS "a_exception_reason", "a"."signed_on" AS "a_signed_on", "a"."expires_on" AS "a_expires_on", "a"."created_at" AS "a_created_at" FROM "cooperation_agreement" "a" WHERE "a"."institution_id" = $1 AND "a"."institution_id" = $2 AND "a"."bank_id" = $3 ORDER BY "a"."signed_on" DESC, "a"."created_at" DESC, "a"."id" DESC;

-- CooperationRepo.get
SELECT "a"."id" AS "a_id", "a"."institution_id" AS "a_institution_id", "a"."bank_id" AS "a_bank_id", "a"."bank_risk_share" AS "a_bank_risk_share", "a"."credit_line" AS "a_credit_line", "a"."used_credit" AS "a_used_credit", "a"."batch_mode" AS "a_batch_mode", "a"."green_channel" AS "a_green_channel", "a"."exception_reason" AS "a_exception_reason", "a"."signed_on" AS "a_signed_on", "a"."expires_on" AS "a_expires_on", "a"."created_at" AS "a_created_at" FROM "cooperation_agreement" "a" WHERE "a"."id" = $1 AND "a"."institution_id" = $2;

-- CooperationRepo.byIds
SELECT "a"."id" AS "a_id", "a"."institution_id" AS "a_institution_id", "a"."bank_id" AS "a_bank_id", "a"."bank_risk_share" AS "a_bank_risk_share", "a"."credit_line" AS "a_credit_line", "a"."used_credit" AS "a_used_credit", "a"."batch_mode" AS "a_batch_mode", "a"."green_channel" AS "a_green_channel", "a"."exception_reason" AS "a_exception_reason", "a"."signed_on" AS "a_signed_on", "a"."expires_on" AS "a_expires_on", "a"."created_at" AS "a_created_at" FROM "cooperation_agreement" "a" WHERE "a"."id" = ANY($1) AND "a"."institution_id" = $2;

-- CooperationRepo.institutionExists
SELECT 1 FROM guarantee_institution i WHERE i.id = $1 AND i.id = $2;

-- CooperationRepo.bankExists
SELECT 1 FROM bank b WHERE b.id = $1 AND TRUE;

-- CooperationRepo.lockForGrant (some banks)
SELECT a.id, a.bank_id AS "bankId", a.bank_risk_share AS "bankRiskShare", a.credit_line AS "creditLine", a.used_credit AS "usedCredit",
      a.signed_on AS "signedOn", a.expires_on AS "expiresOn", a.created_at AS "createdAt"
 FROM cooperation_agreement a
WHERE a.institution_id = $1 AND a.bank_id = ANY($2) AND TRUE
ORDER BY a.id FOR UPDATE;

-- CooperationRepo.lockForGrant (all)
SELECT a.id, a.bank_id AS "bankId", a.bank_risk_share AS "bankRiskShare", a.credit_line AS "creditLine", a.used_credit AS "usedCredit",
      a.signed_on AS "signedOn", a.expires_on AS "expiresOn", a.created_at AS "createdAt"
 FROM cooperation_agreement a
WHERE a.institution_id = $1  AND TRUE
ORDER BY a.id FOR UPDATE;

-- CooperationRepo.addUsedCredit
UPDATE cooperation_agreement a SET used_credit = a.used_credit + u.amount FROM unnest($1::uuid[], $2::numeric[]) AS u(id, amount) WHERE a.id = u.id;

-- CooperationRepo.releaseCredit
UPDATE cooperation_agreement SET used_credit = used_credit - $2 WHERE id = $1;

-- CooperationRepo.insert
INSERT INTO cooperation_agreement (institution_id, bank_id, bank_risk_share, credit_line, batch_mode, green_channel, exception_reason, signed_on, expires_on)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id;

-- CooperationRepo.recomputeUsedCredit (demo seeding)
UPDATE cooperation_agreement a SET used_credit = COALESCE(s.amount, 0)
FROM cooperation_agreement a2
LEFT JOIN (SELECT agreement_id, sum(guaranteed_amount) AS amount FROM guarantee WHERE status = 'ACTIVE' GROUP BY agreement_id) s
  ON s.agreement_id = a2.id
WHERE a.id = a2.id;
