import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { InstitutionLevel } from '../../src/modules/institution/institution.entity';
import { BORROWER_KINDS, BORROWER_REGIONS, DEMO_INSTITUTIONS } from './demo.catalogue';
import { copyInto, copyLine } from './demo.copy';
import { regionId, type Regions } from './demo.parties';
import { makeBorrower } from './demo.people';
import type { Random } from './random';

/** Borrowers made and copied per piece, so 4 × 10^6 of them never sit in memory at once. */
const PIECE = 50_000;

/**
 * `count` borrowers with valid, distinct identifiers across the 11 county-level regions, made in JavaScript
 * (names and identifiers with their check characters) and loaded with COPY. Each has a home institution:
 * its county's own with probability 0.7 (development zones have none), otherwise a municipal one; its
 * borrower row is that institution's (borrowers are per institution, ../shared/DESIGN.md §6), and the demo's
 * guarantees go through the home institution only. The session temp table demo_borrower numbers them
 * 0…count-1 for the guarantee generator (demo.business.ts) to pick from.
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
       institution_n int NOT NULL, institution_id uuid NOT NULL) ON COMMIT DROP`,
  );
  for (let start = 0; start < count; start += PIECE) {
    const borrowerLines: string[] = [];
    const demoLines: string[] = [];
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
      borrowerLines.push(copyLine([id, institutionIds[institutionN], b.name, b.identifier, b.identifierKind, kind, region]));
      demoLines.push(copyLine([n, id, kind, region, institutionN, institutionIds[institutionN]]));
    }
    await copyInto(
      manager,
      'borrower',
      ['id', 'institution_id', 'name', 'identifier', 'identifier_kind', 'kind', 'region_id'],
      borrowerLines,
    );
    await copyInto(manager, 'demo_borrower', ['n', 'id', 'kind', 'region_id', 'institution_n', 'institution_id'], demoLines);
    onPiece(Math.min(count, start + PIECE));
  }
  await manager.query(`ALTER TABLE demo_borrower ADD PRIMARY KEY (n)`);
  await manager.query(`ANALYZE demo_borrower`);
}
