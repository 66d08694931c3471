import type { EntityManager } from 'typeorm';
import { Dec, money, rate } from '../../src/platform/lib/decimal';
import { BankKind } from '../../src/modules/bank/bank.entity';
import { InstitutionLevel, ListStatus } from '../../src/modules/institution/institution.entity';
import { PolicyService } from '../../src/modules/policy/policy.service';
import { DEMO_BANKS, DEMO_INSTITUTIONS } from './demo.catalogue';
import { creditCode } from './demo.people';
import type { Random } from './random';

/**
 * The parties of the demo — institutions, banks, cooperation agreements — generated in JavaScript (names
 * and identifiers with their check characters) and written with one set-based statement per table
 * (borrowers: demo.borrowers.ts). Agreements are also kept in a session temp table that the guarantee
 * generator (demo.business.ts) joins.
 */
export interface Regions {
  ids: ReadonlyMap<string, string>;
  names: ReadonlyMap<string, string>;
}

export async function loadRegions(manager: EntityManager): Promise<Regions> {
  const rows: { id: string; code: string; name: string }[] = await manager.query(`SELECT id, code, name FROM region`);
  return { ids: new Map(rows.map((r) => [r.code, r.id])), names: new Map(rows.map((r) => [r.code, r.name])) };
}

/** Ids in DEMO_INSTITUTIONS order. */
export async function insertInstitutions(manager: EntityManager, random: Random, regions: Regions): Promise<string[]> {
  const rows = DEMO_INSTITUTIONS.map((inst, i) => {
    const capital = inst.level === InstitutionLevel.MUNICIPAL ? 1_000_000_000 : random.between(20, 60) * 10_000_000;
    // 实施意见（三）: all but the last two are admitted to the provincial list; one is reported, one not yet.
    const status =
      i < DEMO_INSTITUTIONS.length - 2
        ? ListStatus.ADMITTED
        : i === DEMO_INSTITUTIONS.length - 2
          ? ListStatus.REPORTED
          : ListStatus.NOT_REPORTED;
    return {
      name: inst.name,
      creditCode: creditCode(random, '1', inst.regionCode),
      level: inst.level,
      regionId: regionId(regions, inst.regionCode),
      inHoldingGroup: inst.inHoldingGroup,
      capital: money(capital),
      netAssets: money(new Dec(capital).mul('1.05')),
      status,
      reportedOn: status === ListStatus.NOT_REPORTED ? null : `2023-05-${String(random.between(10, 28))}`,
      admittedOn: status === ListStatus.ADMITTED ? `2023-07-${String(random.between(10, 28))}` : null,
    };
  });
  const inserted: { id: string; name: string }[] = await manager.query(
    `INSERT INTO guarantee_institution (name, credit_code, level, region_id, in_holding_group, registered_capital, paid_in_capital, net_assets, list_status, reported_on, admitted_on)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::boolean[], $6::numeric[], $6::numeric[], $7::numeric[], $8::text[], $9::date[], $10::date[])
     RETURNING id, name`,
    [
      rows.map((r) => r.name),
      rows.map((r) => r.creditCode),
      rows.map((r) => r.level),
      rows.map((r) => r.regionId),
      rows.map((r) => r.inHoldingGroup),
      rows.map((r) => r.capital),
      rows.map((r) => r.netAssets),
      rows.map((r) => r.status),
      rows.map((r) => r.reportedOn),
      rows.map((r) => r.admittedOn),
    ],
  );
  const byName = new Map(inserted.map((r) => [r.name, r.id]));
  return DEMO_INSTITUTIONS.map((inst) => byName.get(inst.name)!);
}

/** Ids in DEMO_BANKS order. */
export async function insertBanks(manager: EntityManager, regions: Regions): Promise<string[]> {
  const inserted: { id: string; name: string }[] = await manager.query(
    `INSERT INTO bank (name, kind, region_id) SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[]) RETURNING id, name`,
    [
      DEMO_BANKS.map((b) => b.name),
      DEMO_BANKS.map((b) => b.kind),
      DEMO_BANKS.map((b) => (b.regionCode ? regionId(regions, b.regionCode) : null)),
    ],
  );
  const byName = new Map(inserted.map((r) => [r.name, r.id]));
  return DEMO_BANKS.map((b) => byName.get(b.name)!);
}

const RISK_SHARES = ['0.20', '0.20', '0.25', '0.30', '0.30', '0.40', '0.50'];

/**
 * Municipal institutions cooperate with every city-wide bank and a few rural ones; a county institution
 * with the policy bank, the large banks, a few others and its own county's rural and village banks.
 * Each agreement's bank share is at least the minimum in force when it is signed (R5: no exceptions in
 * the demo). Credit lines are set after the guarantees, to what their peak in-force amount needs (R6).
 */
export async function insertAgreements(
  manager: EntityManager,
  random: Random,
  institutionIds: string[],
  bankIds: string[],
): Promise<number> {
  const policy = new PolicyService(manager);
  const banksOf = (kind: BankKind) => DEMO_BANKS.flatMap((b, i) => (b.kind === kind ? [i] : []));
  const cityWide = DEMO_BANKS.flatMap((b, i) => (b.regionCode === null ? [i] : []));
  const rural = banksOf(BankKind.RURAL_COMMERCIAL);
  const rows: Array<[number, number, string, boolean, boolean, string, string | null]> = [];
  for (const [n, inst] of DEMO_INSTITUTIONS.entries()) {
    const partners =
      inst.level === InstitutionLevel.MUNICIPAL
        ? [...cityWide, ...sample(random, rural, 4)]
        : [
            ...banksOf(BankKind.POLICY).slice(0, 1),
            ...banksOf(BankKind.LARGE_STATE_OWNED),
            ...sample(random, banksOf(BankKind.JOINT_STOCK), 3),
            ...sample(random, banksOf(BankKind.CITY_COMMERCIAL), 2),
            ...DEMO_BANKS.flatMap((b, i) => (b.regionCode === inst.regionCode ? [i] : [])),
          ];
    for (const b of partners) {
      const signedOn = `2023-03-${random.between(29, 31)}`;
      const min = new Dec((await policy.inForce(signedOn)).minBankRiskShare);
      const share = Dec.max(min, random.pick(RISK_SHARES));
      // 总对总 batch business comes through the large banks' head-office agreements.
      const batch = DEMO_BANKS[b].kind === BankKind.LARGE_STATE_OWNED;
      rows.push([n, b, rate(share), batch, random.next() < 0.3, signedOn, random.next() < 0.5 ? null : '2029-12-31']);
    }
  }
  await manager.query(
    `CREATE TEMP TABLE demo_agreement (institution_n int NOT NULL, k int NOT NULL, partners int NOT NULL, id uuid NOT NULL,
       bank_id uuid NOT NULL, bank_risk_share numeric NOT NULL, PRIMARY KEY (institution_n, k)) ON COMMIT DROP`,
  );
  // k numbers an institution's agreements in catalogue order, so the same seed picks the same banks.
  await manager.query(
    `WITH a AS (
       INSERT INTO cooperation_agreement (institution_id, bank_id, bank_risk_share, credit_line, batch_mode, green_channel, signed_on, expires_on)
       SELECT ($1::uuid[])[inst_n + 1], ($2::uuid[])[bank_n + 1], share, 0, batch, green, signed, expires
       FROM unnest($3::int[], $4::int[], $5::numeric[], $6::boolean[], $7::boolean[], $8::date[], $9::date[]) AS r(inst_n, bank_n, share, batch, green, signed, expires)
       RETURNING id, institution_id, bank_id, bank_risk_share)
     INSERT INTO demo_agreement (institution_n, k, partners, id, bank_id, bank_risk_share)
     SELECT array_position($1::uuid[], institution_id) - 1,
            row_number() OVER (PARTITION BY institution_id ORDER BY array_position($2::uuid[], bank_id)) - 1,
            count(*) OVER (PARTITION BY institution_id), id, bank_id, bank_risk_share
     FROM a`,
    [institutionIds, bankIds, ...[0, 1, 2, 3, 4, 5, 6].map((c) => rows.map((r) => r[c]))],
  );
  return rows.length;
}

export function regionId(regions: Regions, code: string): string {
  const id = regions.ids.get(code);
  if (!id) throw new Error(`region ${code} is missing: apply the reference data first`);
  return id;
}

function sample(random: Random, items: number[], k: number): number[] {
  const pool = [...items];
  const out: number[] = [];
  while (out.length < k && pool.length > 0) out.push(pool.splice(random.int(pool.length), 1)[0]);
  return out;
}
