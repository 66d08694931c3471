import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { InstitutionLevel } from '../../src/modules/institution/institution.entity';
import { BORROWER_KINDS, BORROWER_REGIONS, DEMO_INSTITUTIONS } from './demo.catalogue';
import { copyFromSource, copyLine } from './demo.copy';
import { regionId, type Regions } from './demo.parties';
import { makeBorrower } from './demo.people';
import type { Random } from './random';

/** Borrowers made per piece of the COPY stream (about 64 kB of text), and per progress report. */
const PIECE = 500;
const REPORT_EVERY = 50_000;

/**
 * `count` borrowers with valid, distinct identifiers across the 11 county-level regions, made in JavaScript
 * (names and identifiers with their check characters) and loaded with one COPY into the session temp table
 * demo_borrower, which numbers them 0…count-1 for the guarantee generator (demo.business.ts) to pick from; the
 * borrower rows are written from it, in that order. Each has a home institution: its county's own with
 * probability 0.7 (development zones have none), otherwise a municipal one; its borrower row is that institution's
 * (borrowers are per institution, ../shared/DESIGN.md §6), and the demo's guarantees go through the home
 * institution only.
 */
export async function insertBorrowers(
  manager: EntityManager,
  random: Random,
  count: number,
  regions: Regions,
  institutionIds: string[],
  onPiece: (done: number) => void = () => undefined,
): Promise<void> {
  const countyInstitution = new Map(
    DEMO_INSTITUTIONS.flatMap((inst, n) => (inst.level === InstitutionLevel.COUNTY ? [[inst.regionCode, n] as const] : [])),
  );
  const municipal = DEMO_INSTITUTIONS.flatMap((inst, n) => (inst.level === InstitutionLevel.MUNICIPAL ? [n] : []));
  const seen = new Set<string>();
  await manager.query(
    `CREATE TEMP TABLE demo_borrower (n int NOT NULL, id uuid NOT NULL, kind text NOT NULL, region_id uuid NOT NULL,
       institution_n int NOT NULL, institution_id uuid NOT NULL, name text NOT NULL, identifier text NOT NULL,
       identifier_kind text NOT NULL) ON COMMIT DROP`,
  );
  // Made while they are sent: JavaScript draws the next piece while PostgreSQL parses the last one.
  function* pieces(): Generator<string> {
    for (let start = 0; start < count; start += PIECE) {
      let piece = '';
      for (let n = start; n < Math.min(count, start + PIECE); n++) {
        const kind = random.weighted(BORROWER_KINDS);
        const regionCode = random.weighted(BORROWER_REGIONS);
        let b = makeBorrower(random, kind, regionCode, regions.names);
        while (seen.has(b.identifier)) b = makeBorrower(random, kind, regionCode, regions.names);
        seen.add(b.identifier);
        const own = countyInstitution.get(regionCode);
        const institutionN = own !== undefined && random.next() < 0.7 ? own : municipal[random.next() < 0.6 ? 0 : 1];
        // Ids are the one thing a seed does not fix ("ids aside"): PostgreSQL's gen_random_uuid() would do the same.
        const id = randomUUID();
        const region = regionId(regions, regionCode);
        piece += copyLine([n, id, kind, region, institutionN, institutionIds[institutionN], b.name, b.identifier, b.identifierKind]);
        if ((n + 1) % REPORT_EVERY === 0) onPiece(n + 1);
      }
      yield piece;
    }
  }
  await copyFromSource(
    manager,
    'demo_borrower',
    ['n', 'id', 'kind', 'region_id', 'institution_n', 'institution_id', 'name', 'identifier', 'identifier_kind'],
    pieces(),
  );
  await manager.query(
    `INSERT INTO borrower (id, institution_id, name, identifier, identifier_kind, kind, region_id)
     SELECT id, institution_id, name, identifier, identifier_kind, kind, region_id FROM demo_borrower ORDER BY n`,
  );
  onPiece(count);
  await manager.query(`ALTER TABLE demo_borrower ADD PRIMARY KEY (n)`);
  await manager.query(`ANALYZE demo_borrower`);
}
