import type { DataSource, EntityManager } from 'typeorm';
import { writeAggregates } from './demo.aggregates';
import { insertBorrowers } from './demo.borrowers';
import { generateGuarantees, writeCompensations, writeGuarantees } from './demo.business';
import { setAsideIndexesAndConstraints } from './demo.indexes';
import { insertAgreements, insertBanks, insertInstitutions, loadRegions } from './demo.parties';
import { Random } from './random';

/**
 * Synthetic but rule-abiding business for demos and the benchmark (`npm run seed:demo`, `npm run bench`):
 * ten institutions, fifty banks, their cooperation agreements, borrowers and N guarantees with their
 * compensations, leads, credit used and monthly aggregates. One transaction: all of it or nothing.
 * It fills an empty hub only: business already present is never touched (DemoDataExistsError).
 */
export interface SeedOptions {
  guarantees: number;
  /** Same seed, same business (ids aside). */
  seed: number;
  /** Progress lines, e.g. console.log: each step with its time. */
  log?: (message: string) => void;
  /** How far the seed is, in percent (steps weighted by their usual share of the time), and the step under way. */
  progress?: (percent: number, step: string) => void;
}

export interface SeedSummary {
  institutions: number;
  banks: number;
  agreements: number;
  borrowers: number;
  guarantees: number;
  active: number;
  compensations: number;
  leads: number;
  /** R3: 支小支农 share of new business by amount, as a fraction (decimal text). */
  smallAgriShare: string;
  /** R4: amount-weighted annualised fee rate of new business (decimal text). */
  averageFeeRate: string;
  seconds: number;
}

export const MAX_GUARANTEES = 10_000_000;
/** A borrower comes back for about 2.5 guarantees over the years. */
const GUARANTEES_PER_BORROWER = 2.5;

/**
 * The tables seed:demo fills in bulk (10^5–10^6 rows): guarantee_key takes a row per guarantee (migration
 * GuaranteePartitions), household_balance one per borrower with something open, business_month_stats one per
 * institution, bank, region and month (~4·10^4 rows, each of which would otherwise fire its three foreign keys' triggers).
 */
const BULK_TABLES = [
  'borrower',
  'guarantee',
  'guarantee_key',
  'compensation',
  'malicious_default_lead',
  'household_balance',
  'business_month_stats',
];

export class DemoDataExistsError extends Error {
  override name = 'DemoDataExistsError';
}

export async function seedDemo(dataSource: DataSource, options: SeedOptions): Promise<SeedSummary> {
  const { guarantees, seed } = options;
  if (!Number.isInteger(guarantees) || guarantees < 1 || guarantees > MAX_GUARANTEES) {
    throw new RangeError(`guarantees must be a whole number from 1 to ${MAX_GUARANTEES}, not ${guarantees}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 2 ** 32 - 1)
    throw new RangeError(`seed must be a whole number from 0 to ${2 ** 32 - 1}, not ${seed}`);
  const log = options.log ?? (() => undefined);
  const progress = options.progress ?? (() => undefined);
  const started = Date.now();
  let done = 0;
  // Each step with its usual share of the run (percent, at 10^6 guarantees), for the progress bar.
  const step = async <T>(label: string, share: number, fn: (within: (fraction: number) => void) => Promise<T>): Promise<T> => {
    const t = Date.now();
    progress(done, label);
    const result = await fn((fraction) => progress(done + share * fraction, label));
    done += share;
    progress(done, label);
    log(`  ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    return result;
  };
  const borrowers = Math.max(1, Math.round(guarantees / GUARANTEES_PER_BORROWER));

  await dataSource.transaction(async (manager) => {
    // Two seeders at once would both find the hub empty.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('liaocheng-hub:seed-demo'))`);
    // Set-based statements over 10^6 rows outlast the hub's per-statement limit (DATABASE_STATEMENT_TIMEOUT_MS) on a busy machine.
    await manager.query(`SET LOCAL statement_timeout = 0`);
    // A bulk load: sorts of 10^6 wide rows (~350 MB) and hashes in memory, index builds with room, and a commit that need not wait
    // for the WAL flush (a crash before it loses the seed, which is then simply run again).
    await manager.query(`SET LOCAL work_mem = '512MB'`);
    await manager.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    await manager.query(`SET LOCAL synchronous_commit = off`);
    await refuseIfBusinessExists(manager);
    const random = new Random(seed);
    const regions = await loadRegions(manager);
    const institutionIds = await step('institutions, banks and cooperation agreements', 1, async () => {
      const institutionIds = await insertInstitutions(manager, random, regions);
      const bankIds = await insertBanks(manager, regions);
      await insertAgreements(manager, random, institutionIds, bankIds);
      return institutionIds;
    });
    // The bulk tables' keys, indexes and foreign keys are built and checked once at the end, not row by row.
    const setAside = await setAsideIndexesAndConstraints(manager, BULK_TABLES);
    await step(`${borrowers.toLocaleString('en')} borrowers copied`, 10, (within) =>
      insertBorrowers(manager, random, borrowers, regions, institutionIds, (n) => within(n / borrowers)),
    );
    await step(`${guarantees.toLocaleString('en')} guarantees drawn, 支小支农 decided per grant (R1, running in-force sums)`, 30, () =>
      generateGuarantees(manager, seed, guarantees, borrowers),
    );
    await step('guarantees written', 25, () => writeGuarantees(manager));
    await step('compensations and leads written', 1, () => writeCompensations(manager));
    // Before the keys and indexes: the aggregates read whole tables (no index helps), and household_balance's rows
    // are then indexed once, not row by row.
    await step('credit lines, credit used, net assets and monthly statistics', 10, () => writeAggregates(manager));
    await step('keys and indexes built, foreign keys checked', 18, () => setAside.restore());
  });
  // Fresh planner statistics and visibility map, so the first queries after a seed are not misplanned. Two connections
  // at once: the guarantee partitions on one, the other tables (about as much heap in all) on the other.
  await step('VACUUM ANALYZE', 5, () =>
    Promise.all(
      [
        ['guarantee'],
        [
          'guarantee_key',
          'borrower',
          'household_balance',
          'guarantee_institution',
          'bank',
          'cooperation_agreement',
          'compensation',
          'malicious_default_lead',
          'business_month_stats',
        ],
      ].map(async (tables) => {
        for (const table of tables) await dataSource.query(`VACUUM (ANALYZE) ${table}`);
      }),
    ),
  );
  return { ...(await summarise(dataSource.manager)), seconds: (Date.now() - started) / 1000 };
}

async function refuseIfBusinessExists(manager: EntityManager): Promise<void> {
  const [row] = await manager.query(
    `SELECT (SELECT count(*) FROM guarantee_institution)::int AS institutions, (SELECT count(*) FROM bank)::int AS banks,
            (SELECT count(*) FROM borrower)::int AS borrowers, (SELECT count(*) FROM guarantee)::int AS guarantees,
            (SELECT count(*) FROM business_month_stats)::int AS stats`,
  );
  if (row.institutions + row.banks + row.borrowers + row.guarantees + row.stats > 0) {
    throw new DemoDataExistsError(
      `the database already holds business data (${row.institutions} institutions, ${row.banks} banks, ${row.borrowers} borrowers, ` +
        `${row.guarantees} guarantees); demo data is only written into a hub with none, and nothing was changed`,
    );
  }
}

async function summarise(manager: EntityManager): Promise<Omit<SeedSummary, 'seconds'>> {
  const [row] = await manager.query(
    `SELECT (SELECT count(*) FROM guarantee_institution)::int AS institutions, (SELECT count(*) FROM bank)::int AS banks,
            (SELECT count(*) FROM cooperation_agreement)::int AS agreements, (SELECT count(*) FROM borrower)::int AS borrowers,
            (SELECT count(*) FROM guarantee)::int AS guarantees, (SELECT count(*) FROM guarantee WHERE status = 'ACTIVE')::int AS active,
            (SELECT count(*) FROM compensation)::int AS compensations, (SELECT count(*) FROM malicious_default_lead)::int AS leads,
            s.small_agri_share::text AS "smallAgriShare", s.average_fee_rate::text AS "averageFeeRate"
     FROM (SELECT round(sum(small_agri_amount) / NULLIF(sum(new_amount), 0), 4) AS small_agri_share,
                  round(sum(fee_weighted_amount) / NULLIF(sum(new_amount), 0), 6) AS average_fee_rate
           FROM business_month_stats) s`,
  );
  return row;
}
