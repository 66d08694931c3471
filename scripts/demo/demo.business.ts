import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { SMALL_AGRI_KINDS } from '../../src/modules/guarantee/grant/grant.calc';
import { AMOUNT_RANGES, DEMO_INSTITUTIONS } from './demo.catalogue';

/**
 * The guarantees of the demo, generated inside PostgreSQL from generate_series: 10^6 rows never cross
 * the wire. Each row's draws come from hashint8extended(row, seed): the same seed gives the same rows.
 *
 * Business dates run from FIRST_START (the policy took effect on 2023-03-29) to AS_OF, a fixed day so
 * that a seed means the same data whenever it runs. A guarantee is in force on day d when it started on
 * or before d and was not released (repaid or compensated) on or before d; on one day, grants happen in
 * row order. R1's in-force amount and R6's credit-line peak are computed with that definition.
 */
export const FIRST_START = '2023-04-01';
export const AS_OF = '2026-10-31';

/** Share of guarantees repaid before term, and of matured ones that default and are compensated. */
const EARLY_REPAYMENT = 0.08;
const DEFAULT_RATE = 0.015;
/** Share of compensations the institution flags as suspected malicious evasion (R12: each becomes a lead). */
const SUSPECTED_MALICIOUS = 0.1;

/** A uniform draw in [0, 1) for row i, independent per k. */
const u = (k: number) => `((hashint8extended(i::bigint, $1::bigint * 16 + ${k}) & 4294967295)::float8 / 4294967296)`;

/**
 * SQL for round(x::numeric) of a float8 expression x from 0 to 10^4: half away from zero, of the 15 significant
 * digits the float becomes as numeric. Only a float within 1e-9 of a half can round otherwise in float arithmetic
 * (the conversion moves it by at most 5e-12), so only it pays for the slow float-to-numeric conversion.
 */
export const roundHalfAway = (x: string) =>
  `CASE WHEN abs(${x} - floor(${x}) - 0.5) < 1e-9 THEN round((${x})::numeric) ELSE floor(${x} + 0.5)::bigint END`;

/**
 * A random version-4 UUID per row, as gen_random_uuid() would give (ids are what a seed does not fix): two 64-bit
 * hashes of the row number under salts drawn for this run ($11, $12), with the version and variant bits set. At 10^6
 * rows it costs a second less than gen_random_uuid(), which asks OpenSSL for 16 bytes per row; a repeat (about one
 * chance in 10^26) would fail the primary key at the end, and with it the whole seed.
 */
const RANDOM_V4_ID = `encode(int8send((hashint8extended(i::bigint, $11::bigint) & ~x'F000'::bigint) | x'4000'::bigint)
  || int8send((hashint8extended(i::bigint, $12::bigint) & x'3FFFFFFFFFFFFFFF'::bigint) | x'8000000000000000'::bigint), 'hex')::uuid`;

const idSalts = (): [string, string] => {
  const bytes = randomBytes(16);
  return [bytes.readBigInt64BE(0).toString(), bytes.readBigInt64BE(8).toString()];
};

/**
 * R1 as the hub decides it at grant: 支小支农 when the borrower's kind qualifies, the guarantee is not a
 * bond guarantee, and the borrower's in-force amount at the institution, this guarantee included, is at
 * most the household cap of the policy set in force on the start day (R14). `small_household` is the
 * same with R3's single-household amount (5,000,000), for business_month_stats.
 *
 * The in-force amount is a running sum over the borrower's events in the order they happened: +amount
 * at each grant, -amount at each release (a release on day d counts before d's grants, as a guarantee
 * released on d is no longer in force that day), grants on one day in row order. Read at a grant, the
 * sum is exactly the amount of the borrower's guarantees started by then and not yet released.
 *
 * The CTEs `policy` and `running` over `events` (the grants, each with its staging columns, then `day`, `ord` 1 and
 * `delta` its amount; the releases with `ord` 0 and minus the amount): a grant's `in_force` is read from `running`.
 */
const SMALL_AGRI_RUNNING = `policy AS (
       SELECT effective_on AS from_on, lead(effective_on, 1, 'infinity') OVER (ORDER BY effective_on) AS to_on,
              max_household_amount, small_household_amount
       FROM policy_parameter_set),
     -- A borrower row belongs to one institution (its number, borrower_n, stands for both): whole-number sort keys.
     running AS (
       SELECT events.*, sum(delta) OVER (PARTITION BY borrower_n ORDER BY day, ord, i ROWS UNBOUNDED PRECEDING) AS in_force
       FROM events)`;

export async function generateGuarantees(manager: EntityManager, seed: number, count: number, borrowers: number): Promise<void> {
  await manager.query(
    `CREATE TEMP TABLE demo_guarantee ON COMMIT DROP AS
     WITH d AS (
       SELECT i, ${u(1)} AS u_borrower, ${u(2)} AS u_start, ${u(3)} AS u_term, ${u(4)} AS u_amount, ${u(5)} AS u_fee,
              ${u(6)} AS u_fate, ${u(7)} AS u_bank, ${u(8)} AS u_when, ${u(9)} AS u_kind, ${u(10)} AS u_loan, ${u(11)} AS u_flag
       FROM generate_series(1, $2::int) AS i),
     partners AS (SELECT DISTINCT institution_n, partners FROM demo_agreement),
     ranges AS (SELECT * FROM unnest($4::text[], $5::numeric[], $6::numeric[]) AS r(kind, lo, hi)),
     b AS (
       SELECT d.*, br.n AS borrower_n, br.id AS borrower_id, br.kind AS borrower_kind, br.region_id, br.institution_n, br.institution_id,
              a.id AS agreement_id, a.bank_id, a.bank_risk_share,
              $9::date + floor(d.u_start * ($10::date - $9::date + 1))::int AS start_on,
              CASE WHEN d.u_term < 0.15 THEN 6 WHEN d.u_term < 0.70 THEN 12 WHEN d.u_term < 0.90 THEN 24 ELSE 36 END AS term,
              CASE WHEN br.kind = 'OTHER_ENTERPRISE' AND d.u_kind < 0.25 THEN 'BOND' WHEN d.u_kind > 0.97 THEN 'OTHER_FINANCING' ELSE 'LOAN' END AS kind,
              -- The amount in units of 10,000, log-uniform over the kind's range: rounded to a whole unit in e.
              r.lo, r.lo::float8 * power(r.hi::float8 / r.lo::float8, d.u_amount) / 10000 AS units
       FROM d
       JOIN demo_borrower br ON br.n = floor(d.u_borrower * $3::int)::int
       JOIN partners p ON p.institution_n = br.institution_n
       JOIN demo_agreement a ON a.institution_n = br.institution_n AND a.k = floor(d.u_bank * p.partners)::int
       JOIN ranges r ON r.kind = br.kind
       -- OFFSET 0 keeps each step a subquery of its own: inlined, its expressions would be computed again at every
       -- mention further on (start_on in end_on, ends, status, released_on…), several times per row.
       OFFSET 0),
     e AS (
       SELECT b.*, (b.start_on + make_interval(months => b.term))::date - 1 AS end_on,
              greatest(b.lo, ${roundHalfAway('b.units')} * 10000)::numeric(18,2) AS guaranteed_amount,
              (b.borrower_kind = ANY ($7::text[]) AND b.kind <> 'BOND') AS eligible
       FROM b OFFSET 0),
     f AS (
       SELECT e.*,
              CASE WHEN e.u_fate < ${EARLY_REPAYMENT} THEN e.start_on + 1 + floor(e.u_when * (e.end_on - e.start_on - 1))::int
                   WHEN e.u_fate >= ${1 - DEFAULT_RATE} THEN e.end_on + 1 + floor(e.u_when * 60)::int
                   ELSE e.end_on END AS ends,
              e.u_fate >= ${1 - DEFAULT_RATE} AS defaults
       FROM e OFFSET 0),
     g AS (
       SELECT i, borrower_n, institution_n, start_on, end_on, eligible, u_flag < ${SUSPECTED_MALICIOUS} AS suspected,
            ${RANDOM_V4_ID} AS id, institution_id, borrower_id, region_id, agreement_id, bank_id,
            CASE WHEN ends > $10::date THEN NULL ELSE ends END AS released_on,
            guaranteed_amount,
            CASE WHEN u_loan < 0.2 THEN guaranteed_amount * 1.25 ELSE guaranteed_amount END::numeric(18,2) AS loan_amount,
            -- R4: 支小支农 business is priced low (0.5%–1.05%), the rest 1%–1.5% (whole steps times a decimal: exact, and no
            -- float-to-numeric conversion per row).
            CASE WHEN eligible THEN 0.005 + 0.0005 * floor(u_fee * 12)::int ELSE 0.010 + 0.0005 * floor(u_fee * 11)::int END::numeric(9,6) AS fee_rate,
            bank_risk_share,
            -- The institution pays its share of the default; the bank bears its risk share (R5).
            CASE WHEN ends <= $10::date AND defaults THEN round(guaranteed_amount * (1 - bank_risk_share), 2) ELSE 0 END::numeric(18,2)
              AS compensated_amount,
            CASE WHEN ends > $10::date THEN 'ACTIVE' WHEN defaults THEN 'COMPENSATED' ELSE 'RELEASED' END AS status,
            kind, borrower_kind,
            ($8::text[])[institution_n + 1] || '-' || extract(year FROM start_on)::text || '-' || lpad(i::text, 8, '0') AS code
       FROM f),
     -- R1 for every grant (SMALL_AGRI_RUNNING above), in the same statement: the flags are written into the staging row
     -- they belong to, so no later statement joins 10^6 flag rows back. A release is an event row of its own, of nulls
     -- but for the columns the running sum needs.
     events AS (
       SELECT g.*, g.start_on AS day, 1 AS ord, g.guaranteed_amount AS delta FROM g
       UNION ALL
       SELECT i, borrower_n, ${Array(21).fill('NULL').join(', ')}, released_on, 0, -guaranteed_amount FROM g WHERE released_on IS NOT NULL),
     ${SMALL_AGRI_RUNNING}
     -- Fixed-width columns first, then the nullable release day, the numerics and the texts: the statements that follow
     -- each read a few columns of 10^6 rows, and a column after one of variable width (or a null) is found by walking them.
     SELECT r.i, r.borrower_n, r.institution_n, r.start_on, r.end_on, r.eligible, r.suspected,
            r.eligible AND r.in_force <= p.max_household_amount AS small_agri,
            r.eligible AND r.in_force <= p.small_household_amount AS small_household,
            r.id, r.institution_id, r.borrower_id, r.region_id, r.agreement_id, r.bank_id, r.released_on, r.guaranteed_amount,
            r.loan_amount, r.fee_rate, r.bank_risk_share, r.compensated_amount, r.status, r.kind, r.borrower_kind, r.code
     FROM running r JOIN policy p ON r.day >= p.from_on AND r.day < p.to_on
     WHERE r.ord = 1`,
    [
      seed,
      count,
      borrowers,
      AMOUNT_RANGES.map((r) => r[0]),
      AMOUNT_RANGES.map((r) => String(r[1])),
      AMOUNT_RANGES.map((r) => String(r[2])),
      // R1's kinds, as the hub's grant decides them (grant.calc.ts), so the demo's 支小支农 flags agree with it.
      [...SMALL_AGRI_KINDS],
      DEMO_INSTITUTIONS.map((inst) => inst.tag),
      FIRST_START,
      AS_OF,
      ...idSalts(),
    ],
  );
  await manager.query(`ANALYZE demo_guarantee`);
}

/** The guarantees, in the order the business happened, as they would have been written day by day. */
export async function writeGuarantees(manager: EntityManager): Promise<void> {
  // Each guarantee's key row first (its unique (institution_id, code), migration GuaranteePartitions).
  await manager.query(`INSERT INTO guarantee_key (id, institution_id, code) SELECT g.id, g.institution_id, g.code FROM demo_guarantee g`);
  // The sort keys lead the sorted rows (the subquery's first columns; the outer ORDER BY is then already satisfied): a tie
  // on the day is broken by reading i, which as a last (junk) column would be found by walking every column before it,
  // at each of the ~20 comparisons per row (a third of the statement's time at 10^6 rows).
  await manager.query(
    `INSERT INTO guarantee (id, code, institution_id, bank_id, agreement_id, borrower_id, region_id, kind, loan_amount,
       guaranteed_amount, fee_rate, bank_risk_share, start_on, end_on, status, released_on, small_agri, re_guaranteed, compensated_amount)
     SELECT id, code, institution_id, bank_id, agreement_id, borrower_id, region_id, kind, loan_amount, guaranteed_amount,
            fee_rate, bank_risk_share, start_on, end_on, status, released_on, small_agri, re_guaranteed, compensated_amount
     FROM (
       SELECT g.start_on, g.i, g.id, g.code, g.institution_id, g.bank_id, g.agreement_id, g.borrower_id, g.region_id, g.kind,
              g.loan_amount, g.guaranteed_amount, g.fee_rate, g.bank_risk_share, g.end_on, g.status, g.released_on,
              g.small_agri,
              -- 纳入省再担保 (R8): most small/agricultural business, as the provincial re-guarantee covers it.
              g.small_agri AND g.i % 5 <> 0 AS re_guaranteed,
              g.compensated_amount
       FROM demo_guarantee g
       ORDER BY g.start_on, g.i) ordered
     ORDER BY start_on, i`,
  );
}

/** R12: every compensation flagged as suspected malicious evasion opens a lead for the institution to review. */
export async function writeCompensations(manager: EntityManager): Promise<void> {
  await manager.query(
    `WITH c AS (
       INSERT INTO compensation (guarantee_id, institution_id, amount, paid_on, suspected_malicious, evidence)
       SELECT id, institution_id, compensated_amount, released_on, suspected,
              CASE WHEN suspected THEN '借款人代偿前转移名下资产，拒不配合追偿（演示数据）' END
       FROM demo_guarantee
       WHERE status = 'COMPENSATED'
       ORDER BY released_on, i
       RETURNING id, institution_id, suspected_malicious, evidence)
     INSERT INTO malicious_default_lead (compensation_id, institution_id, evidence)
     SELECT id, institution_id, evidence FROM c WHERE suspected_malicious`,
  );
}
