-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- ReportRepo.list
SELECT "r"."id" AS "r_id", "r"."institution_id" AS "r_institution_id", "r"."month" AS "r_month", "r"."version" AS "r_version", "r"."new_count" AS "r_new_count", "r"."new_amount" AS "r_new_amount", "r"."outstanding_balance" AS "r_outstanding_balance", "r"."small_agri_share" AS "r_small_agri_share", "r"."average_fee_rate" AS "r_average_fee_rate", "r"."compensated_amount" AS "r_compensated_amount", "r"."submitted_by" AS "r_submitted_by", "r"."submitted_at" AS "r_submitted_at" FROM "monthly_report" "r" WHERE "r"."institution_id" = $1 AND "r"."institution_id" = $2 AND "r"."month" = $3 ORDER BY "r"."month" DESC, "r"."institution_id" ASC, "r"."version" DESC;

-- ReportRepo.notifications (bank viewer)
SELECT "n"."id" AS "n_id", "n"."report_id" AS "n_report_id", "n"."bank_id" AS "n_bank_id", "n"."notified_at" AS "n_notified_at", "n"."read_at" AS "n_read_at" FROM "report_notification" "n" WHERE "n"."bank_id" = $1 AND "n"."report_id" IN (SELECT r.id FROM monthly_report r WHERE r.month = $2) ORDER BY "n"."notified_at" DESC, "n"."id" ASC;

-- ReportRepo.lockInstitution
SELECT i.id FROM guarantee_institution i WHERE i.id = $1 AND i.id = $2 FOR NO KEY UPDATE;

-- ReportRepo.monthSums
SELECT coalesce(sum(s.new_count) FILTER (WHERE s.month = CAST($1 AS date)), 0)::int AS "newCount",
      coalesce(sum(s.new_amount) FILTER (WHERE s.month = CAST($1 AS date)), 0)::text AS "newAmount",
      coalesce(sum(s.small_agri_amount) FILTER (WHERE s.month = CAST($1 AS date)), 0)::text AS "smallAgriAmount",
      coalesce(sum(s.fee_weighted_amount) FILTER (WHERE s.month = CAST($1 AS date)), 0)::text AS "feeWeightedAmount",
      coalesce(sum(s.compensated_amount) FILTER (WHERE s.month = CAST($1 AS date)), 0)::text AS "compensatedAmount",
      coalesce(sum(s.new_amount), 0)::text AS "cumulativeNewAmount",
      coalesce(sum(s.released_amount), 0)::text AS "cumulativeReleasedAmount"
 FROM business_month_stats s
WHERE s.institution_id = $2 AND s.month <= CAST($1 AS date) AND s.institution_id = $3;

-- ReportRepo.insert
INSERT INTO monthly_report (institution_id, month, version, new_count, new_amount, outstanding_balance, small_agri_share,
                            average_fee_rate, compensated_amount, submitted_by)
SELECT $1::uuid, $2::text, coalesce(max(version), 0) + 1, $3::int, $4::numeric, $5::numeric, $6::numeric, $7::numeric, $8::numeric, $9::text
  FROM monthly_report WHERE institution_id = $1::uuid AND month = $2::text
RETURNING id;

-- ReportRepo.notifyPartners
INSERT INTO report_notification (report_id, bank_id)
SELECT DISTINCT $1::uuid, bank_id FROM cooperation_agreement WHERE institution_id = $2 ORDER BY 2;

-- ReportRepo.byIds
SELECT "r"."id" AS "r_id", "r"."institution_id" AS "r_institution_id", "r"."month" AS "r_month", "r"."version" AS "r_version", "r"."new_count" AS "r_new_count", "r"."new_amount" AS "r_new_amount", "r"."outstanding_balance" AS "r_outstanding_balance", "r"."small_agri_share" AS "r_small_agri_share", "r"."average_fee_rate" AS "r_average_fee_rate", "r"."compensated_amount" AS "r_compensated_amount", "r"."submitted_by" AS "r_submitted_by", "r"."submitted_at" AS "r_submitted_at" FROM "monthly_report" "r" WHERE "r"."id" = ANY($1) AND "r"."institution_id" = $2;
