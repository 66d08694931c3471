-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- DashboardRepo.slices (a period, every filter)
WITH cells AS (
  SELECT GROUPING(s.region_id, s.institution_id, s.bank_id, s.month) AS grp,
         s.region_id, s.institution_id, s.bank_id, s.month,
         coalesce(sum(s.new_count) FILTER (WHERE s.month >= CAST($1 AS date)), 0) AS new_count,
         coalesce(sum(s.new_amount) FILTER (WHERE s.month >= CAST($1 AS date)), 0) AS new_amount,
         coalesce(sum(s.small_agri_count) FILTER (WHERE s.month >= CAST($1 AS date)), 0) AS small_agri_count,
         coalesce(sum(s.small_agri_amount) FILTER (WHERE s.month >= CAST($1 AS date)), 0) AS small_agri_amount,
         coalesce(sum(s.small_household_amount) FILTER (WHERE s.month >= CAST($1 AS date)), 0) AS small_household_amount,
         coalesce(sum(s.fee_weighted_amount) FILTER (WHERE s.month >= CAST($1 AS date)), 0) AS fee_weighted_amount,
         coalesce(sum(s.fee_rate_sum) FILTER (WHERE s.month >= CAST($1 AS date)), 0) AS fee_rate_sum,
         coalesce(sum(s.released_amount) FILTER (WHERE s.month >= CAST($1 AS date)), 0) AS released_amount,
         coalesce(sum(s.compensated_amount) FILTER (WHERE s.month >= CAST($1 AS date)), 0) AS compensated_amount,
         coalesce(bool_or(s.month >= CAST($1 AS date)), FALSE) AS in_period,
         coalesce(sum(s.new_amount), 0) AS granted,
         coalesce(sum(s.released_amount), 0) AS released
    FROM business_month_stats s
   WHERE s.month <= CAST($2 AS date) AND s.region_id = $3 AND s.institution_id = $4 AND s.bank_id = $5 AND (s.institution_id = $6)
   GROUP BY GROUPING SETS ((), (s.region_id), (s.institution_id), (s.bank_id), (s.month))
), balanced AS (
  SELECT c.*,
         CASE WHEN c.grp = 14 THEN sum(c.granted) OVER months ELSE c.granted END AS granted_to_date,
         CASE WHEN c.grp = 14 THEN sum(c.released) OVER months ELSE c.released END AS released_to_date
    FROM cells c
  WINDOW months AS (PARTITION BY c.grp ORDER BY c.month ROWS UNBOUNDED PRECEDING)
)
SELECT * FROM (
SELECT b.grp,
       CASE b.grp WHEN 7 THEN b.region_id::text WHEN 11 THEN b.institution_id::text
                  WHEN 13 THEN b.bank_id::text WHEN 14 THEN to_char(b.month, 'YYYY-MM') END AS key,
       CASE b.grp WHEN 7 THEN r.name WHEN 11 THEN i.name
                  WHEN 13 THEN k.name WHEN 14 THEN to_char(b.month, 'YYYY-MM') END AS label,
       b.new_count::text, b.new_amount::text, b.small_agri_count::text, b.small_agri_amount::text, b.small_household_amount::text,
       b.fee_weighted_amount::text, b.fee_rate_sum::text,
       b.released_amount::text, b.compensated_amount::text, b.granted_to_date::text, b.released_to_date::text
  FROM balanced b
  LEFT JOIN region r ON b.grp = 7 AND r.id = b.region_id
  LEFT JOIN guarantee_institution i ON b.grp = 11 AND i.id = b.institution_id
  LEFT JOIN bank k ON b.grp = 13 AND k.id = b.bank_id
 WHERE b.grp = 15
    OR b.grp = 14
    OR (b.grp IN (7, 11, 13) AND (b.in_period OR b.granted <> b.released))
) slices
-- Months by key (YYYY-MM is chronological); the others by name in code-point order, ties by id.
ORDER BY grp, label COLLATE "C", key;

-- DashboardRepo.slices (up to a month, city-wide)
WITH cells AS (
  SELECT GROUPING(s.region_id, s.institution_id, s.bank_id, s.month) AS grp,
         s.region_id, s.institution_id, s.bank_id, s.month,
         coalesce(sum(s.new_count) FILTER (WHERE TRUE), 0) AS new_count,
         coalesce(sum(s.new_amount) FILTER (WHERE TRUE), 0) AS new_amount,
         coalesce(sum(s.small_agri_count) FILTER (WHERE TRUE), 0) AS small_agri_count,
         coalesce(sum(s.small_agri_amount) FILTER (WHERE TRUE), 0) AS small_agri_amount,
         coalesce(sum(s.small_household_amount) FILTER (WHERE TRUE), 0) AS small_household_amount,
         coalesce(sum(s.fee_weighted_amount) FILTER (WHERE TRUE), 0) AS fee_weighted_amount,
         coalesce(sum(s.fee_rate_sum) FILTER (WHERE TRUE), 0) AS fee_rate_sum,
         coalesce(sum(s.released_amount) FILTER (WHERE TRUE), 0) AS released_amount,
         coalesce(sum(s.compensated_amount) FILTER (WHERE TRUE), 0) AS compensated_amount,
         coalesce(bool_or(TRUE), FALSE) AS in_period,
         coalesce(sum(s.new_amount), 0) AS granted,
         coalesce(sum(s.released_amount), 0) AS released
    FROM business_month_stats s
   WHERE s.month <= CAST($1 AS date) AND (TRUE)
   GROUP BY GROUPING SETS ((), (s.region_id), (s.institution_id), (s.bank_id), (s.month))
), balanced AS (
  SELECT c.*,
         CASE WHEN c.grp = 14 THEN sum(c.granted) OVER months ELSE c.granted END AS granted_to_date,
         CASE WHEN c.grp = 14 THEN sum(c.released) OVER months ELSE c.released END AS released_to_date
    FROM cells c
  WINDOW months AS (PARTITION BY c.grp ORDER BY c.month ROWS UNBOUNDED PRECEDING)
)
SELECT * FROM (
SELECT b.grp,
       CASE b.grp WHEN 7 THEN b.region_id::text WHEN 11 THEN b.institution_id::text
                  WHEN 13 THEN b.bank_id::text WHEN 14 THEN to_char(b.month, 'YYYY-MM') END AS key,
       CASE b.grp WHEN 7 THEN r.name WHEN 11 THEN i.name
                  WHEN 13 THEN k.name WHEN 14 THEN to_char(b.month, 'YYYY-MM') END AS label,
       b.new_count::text, b.new_amount::text, b.small_agri_count::text, b.small_agri_amount::text, b.small_household_amount::text,
       b.fee_weighted_amount::text, b.fee_rate_sum::text,
       b.released_amount::text, b.compensated_amount::text, b.granted_to_date::text, b.released_to_date::text
  FROM balanced b
  LEFT JOIN region r ON b.grp = 7 AND r.id = b.region_id
  LEFT JOIN guarantee_institution i ON b.grp = 11 AND i.id = b.institution_id
  LEFT JOIN bank k ON b.grp = 13 AND k.id = b.bank_id
 WHERE b.grp = 15
    OR b.grp = 14
    OR (b.grp IN (7, 11, 13) AND (b.in_period OR b.granted <> b.released))
) slices
-- Months by key (YYYY-MM is chronological); the others by name in code-point order, ties by id.
ORDER BY grp, label COLLATE "C", key;

-- DashboardRepo.dataVersion
SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS own_writes,
(SELECT coalesce(sum(v.version), 0) FROM ledger_version v)::text || ':' ||
(SELECT md5(coalesce(string_agg(n.id::text || n.name, '|' ORDER BY n.id), ''))
   FROM (SELECT r.id, r.name FROM region r
         UNION ALL SELECT i.id, i.name FROM guarantee_institution i WHERE TRUE
         UNION ALL SELECT k.id, k.name FROM bank k WHERE TRUE) n) AS version;
