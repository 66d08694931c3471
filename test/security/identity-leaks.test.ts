import { describe, expect, it } from 'vitest';
import { maskIdentifier, maskIdentifiersIn } from '../../src/access/mask';
import { buildAccessWorld, worldViewers } from '../fixtures/access-world';
import { inRollback } from '../support/db';
import { gql, ok } from '../support/graphql';

/**
 * Attack: a department without identity rights (PBOC, the banking regulator, the task-force office, the holding
 * group) reads free text an institution wrote, in which the borrower's identifier is spelled so that a plain
 * "18 characters standing alone" pattern misses it (DESIGN.md §6 "No identity leaks"). Each spelling below must
 * come back masked, and never as the identifier's digits in any form.
 */
const ID = '371502199001011234';
const ID_X = '37150219900101123X';
const FIRST_GENERATION = '371502900101123';
const CREDIT_CODE = '91371502MA3C8FQX2K';
const fullWidth = (s: string) => s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const SPELLINGS: ReadonlyArray<[string, string, string]> = [
  ['letters glued before', `ID${ID}`, `ID${maskIdentifier(ID)}`],
  ['letters glued after', `${ID}号`, `${maskIdentifier(ID)}号`],
  ['spaces inside', '3715 0219 9001 0112 34', maskIdentifier(ID)],
  ['hyphens inside', '371502-19900101-1234', maskIdentifier(ID)],
  ['full-width digits', fullWidth(ID), maskIdentifier(ID)],
  ['full-width check X', fullWidth(ID_X), maskIdentifier(ID_X)],
  ['lower-case check x', ID_X.toLowerCase(), maskIdentifier(ID_X.toLowerCase())],
  ['zero-width space', `371502\u200b199001011234`, maskIdentifier(ID)],
  ['zero-width joiner and non-joiner', `3715\u200c0219\u200d9001011234`, maskIdentifier(ID)],
  ['byte-order mark and word joiner', `3715\ufeff021990\u20600101\ufeff1234`, maskIdentifier(ID)],
  ['15-digit first-generation ID', FIRST_GENERATION, maskIdentifier(FIRST_GENERATION)],
  ['first-generation ID glued to letters', `ID${FIRST_GENERATION}X`, `ID${maskIdentifier(FIRST_GENERATION + 'X')}`],
  ['credit code', CREDIT_CODE, maskIdentifier(CREDIT_CODE)],
  ['full-width credit code', fullWidth(CREDIT_CODE), maskIdentifier(CREDIT_CODE)],
  ['credit code with a zero-width space', `91371502\u200bMA3C8FQX2K`, maskIdentifier(CREDIT_CODE)],
];

/** Whether the text still holds any 8 consecutive characters of the identifier, once normalised. */
function leaks(text: string, identifier: string): boolean {
  const plain = text
    .normalize('NFKC')
    .replace(/[^0-9A-Za-z*]/g, '')
    .toUpperCase();
  for (let i = 0; i + 8 <= identifier.length; i++) if (plain.includes(identifier.slice(i, i + 8))) return true;
  return false;
}

describe('identifiers in free text, spelled to slip past the mask', () => {
  it.each(SPELLINGS)('%s: masked', (_spelling, text, masked) => {
    const quoted = `借款人（${text}）已失联`;
    expect(maskIdentifiersIn(quoted)).toBe(`借款人（${masked}）已失联`);
    for (const id of [ID, ID_X, FIRST_GENERATION, CREDIT_CODE]) expect(leaks(maskIdentifiersIn(quoted), id)).toBe(false);
  });
});

describe('free text read by roles without identity rights, through the API', () => {
  it("PBOC, the banking regulator and the task-force office read an agreement's exceptionReason masked; its institution and FINANCE in full", async () => {
    await inRollback(async (m) => {
      const w = await buildAccessWorld(m);
      const v = worldViewers(w);
      const reason = `借款人${w.identifierA}（又记作 ${fullWidth(w.identifierA)}、ID${w.identifierA.slice(0, 6)}\u200b${w.identifierA.slice(6)}）为银行股东关联方`;
      await m.query(`UPDATE cooperation_agreement SET exception_reason = $2 WHERE id = $1`, [w.agreementAX, reason]);
      const read = async (who: (typeof v)[string]) =>
        ok(await gql(m, who, `{ cooperationAgreements { id exceptionReason } }`)).cooperationAgreements.find(
          (a: { id: string }) => a.id === w.agreementAX,
        ).exceptionReason as string;

      const masked = maskIdentifier(w.identifierA);
      for (const who of [v.pboc, v.bankingRegulator, v.taskForceOffice]) {
        const seen = await read(who);
        expect(seen).toBe(`借款人${masked}（又记作 ${masked}、ID${masked}）为银行股东关联方`);
        expect(leaks(seen, w.identifierA.toUpperCase())).toBe(false);
      }
      for (const who of [v.institutionA1, v.finance, v.regulator]) expect(await read(who)).toBe(reason);
    });
  });

  it("the holding group reads a lead's evidence and police note masked, however the identifier is spelled", async () => {
    await inRollback(async (m) => {
      const w = await buildAccessWorld(m);
      const spelled = SPELLINGS.map(([, text]) => text).join('；');
      const evidence = `${spelled}；本人 ${w.identifierA.slice(0, 9)} ${w.identifierA.slice(9)}`;
      await m.query(`UPDATE malicious_default_lead SET evidence = $2, police_note = $3 WHERE id = $1`, [
        w.lA,
        evidence,
        `约谈${fullWidth(ID)}`,
      ]);
      const { maliciousDefaultLeads } = ok(
        await gql(m, worldViewers(w).holdingGroup, `{ maliciousDefaultLeads { id evidence policeNote } }`),
      );
      const lead = maliciousDefaultLeads.find((l: { id: string }) => l.id === w.lA);
      const text = `${lead.evidence} ${lead.policeNote}`;
      for (const id of [ID, ID_X, FIRST_GENERATION, CREDIT_CODE, w.identifierA.toUpperCase()]) expect(leaks(text, id), id).toBe(false);
    });
  });
});
