import { CREDIT_CODE_CHARSET, IdentifierKind, creditCodeCheckChar, residentIdCheckChar } from '../../src/platform/lib/identifiers';
import { BorrowerKind } from '../../src/modules/borrower/borrower.entity';
import { AGRI_TRADES, CROPS, FIRM_WORDS, GIVEN_NAMES, SHOPS, SURNAMES, TRADES } from './demo.catalogue';
import type { Random } from './random';

/** Region names by code, for borrowers' names ("阳谷县…有限公司"). */
export type RegionNames = ReadonlyMap<string, string>;

export interface DemoBorrower {
  name: string;
  identifier: string;
  identifierKind: IdentifierKind;
}

/**
 * GB 32100-2015 code: 登记管理部门 9 (market regulation), 机构类别 (1 企业, 2 个体工商户, 3 农民专业合作社),
 * the registering region's code, a 组织机构代码 that starts "MA" as codes issued since 2015 do (so it can
 * never read as an all-digit resident ID number), and the check character.
 */
export function creditCode(random: Random, category: '1' | '2' | '3', regionCode: string): string {
  let body = `9${category}${regionCode}MA`;
  for (let i = 0; i < 7; i++) body += CREDIT_CODE_CHARSET[random.int(CREDIT_CODE_CHARSET.length)];
  return body + creditCodeCheckChar(body);
}

/** The birth dates a resident ID number may carry, YYYYMMDD: 41 × 365 days from 1960-01-01 (made once, not per borrower). */
const BIRTH_DATES: readonly string[] = Array.from({ length: 41 * 365 }, (_, day) =>
  new Date(Date.UTC(1960, 0, 1) + day * 86_400_000).toISOString().slice(0, 10).replaceAll('-', ''),
);

/** GB 11643-1999 number: address code, a birth date from 1960 to 2000, sequence and check digit. */
export function residentId(random: Random, regionCode: string): string {
  // Development zones are not GB/T 2260 divisions: their residents' numbers carry the urban district's code.
  const address = regionCode.startsWith('37157') ? '371502' : regionCode;
  const birth = BIRTH_DATES[random.int(BIRTH_DATES.length)];
  const body = address + birth + String(random.int(1000)).padStart(3, '0');
  return body + residentIdCheckChar(body);
}

function personName(random: Random): string {
  return random.pick(SURNAMES) + random.pick(GIVEN_NAMES);
}

/** A plausible borrower of `kind` in `regionCode`: name and identifier (not yet checked for uniqueness). */
export function makeBorrower(random: Random, kind: BorrowerKind, regionCode: string, regions: RegionNames): DemoBorrower {
  const place = regions.get(regionCode) ?? '聊城市';
  const firm = () => random.pick(FIRM_WORDS);
  const organisation = (name: string, category: '1' | '2' | '3'): DemoBorrower => ({
    name,
    identifier: creditCode(random, category, regionCode),
    identifierKind: IdentifierKind.CREDIT_CODE,
  });
  switch (kind) {
    case BorrowerKind.FARMER:
      return { name: personName(random), identifier: residentId(random, regionCode), identifierKind: IdentifierKind.RESIDENT_ID };
    case BorrowerKind.INDIVIDUAL_BUSINESS: {
      // About half of the 个体工商户 are known to the institution by the owner's ID number.
      if (random.next() < 0.5)
        return { name: personName(random), identifier: residentId(random, regionCode), identifierKind: IdentifierKind.RESIDENT_ID };
      return organisation(`${place}${personName(random)}${random.pick(SHOPS)}`, '2');
    }
    case BorrowerKind.FAMILY_FARM:
      return organisation(`${place}${personName(random)}家庭农场`, '2');
    case BorrowerKind.FARMER_COOPERATIVE:
      return organisation(`${place}${firm()}${random.pick(CROPS)}种植专业合作社`, '3');
    case BorrowerKind.AGRICULTURAL_ENTERPRISE:
      return organisation(`聊城${firm()}${random.pick(AGRI_TRADES)}有限公司`, '1');
    default:
      return organisation(`${place}${firm()}${random.pick(TRADES)}有限公司`, '1');
  }
}
