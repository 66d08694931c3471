import { describe, expect, it } from 'vitest';
import { maskIdentifier } from '../../src/access/mask';
import { buildAccessWorld, worldViewers } from '../fixtures/access-world';
import { inRollback } from '../support/db';
import { gql, ok } from '../support/graphql';

/**
 * DESIGN.md §3: borrower identifiers show in full only to the owning institution, FINANCE,
 * FINANCIAL_REGULATOR and, in leads, the police. Free text written about a lead — the institution's
 * 线索材料 and the police's 核查情况 — routinely quotes the identifier; it must be masked there too for
 * everyone else who reads the lead (the holding group), not only in the `borrowerIdentifier` field.
 */
const LEADS = `{ maliciousDefaultLeads { id borrowerIdentifier evidence policeNote } }`;

describe("identifiers quoted in a lead's free text", () => {
  it('are masked in evidence and the police note for the holding group, and shown to those who see the identifier', async () => {
    await inRollback(async (m) => {
      const w = await buildAccessWorld(m);
      const v = worldViewers(w);
      const other = '91371502MA3C8FQX2K';
      await m.query(`UPDATE malicious_default_lead SET evidence = $2, police_note = $3 WHERE id = $1`, [
        w.lA,
        `借款人（身份证${w.identifierA.toLowerCase()}）转移资产后失联，担保人${other}亦无财产`,
        `已约谈${w.identifierA}本人`,
      ]);

      const held = ok(
        await gql<{ maliciousDefaultLeads: Array<Record<string, string>> }>(m, v.holdingGroup, LEADS),
      ).maliciousDefaultLeads.find((l) => l.id === w.lA)!;
      const text = JSON.stringify(held);
      expect(text).not.toContain(w.identifierA);
      expect(text.toUpperCase()).not.toContain(w.identifierA);
      expect(text).not.toContain(other);
      expect(held.evidence).toBe(
        `借款人（身份证${maskIdentifier(w.identifierA.toLowerCase())}）转移资产后失联，担保人9137**********QX2K亦无财产`,
      );
      expect(held.policeNote).toBe(`已约谈${maskIdentifier(w.identifierA)}本人`);
      expect(held.borrowerIdentifier).toBe(maskIdentifier(w.identifierA));

      for (const who of [v.institutionA1, v.regulator]) {
        const lead = ok(await gql<{ maliciousDefaultLeads: Array<Record<string, string>> }>(m, who, LEADS)).maliciousDefaultLeads.find(
          (l) => l.id === w.lA,
        )!;
        expect(lead.evidence).toContain(w.identifierA.toLowerCase());
        expect(lead.evidence).toContain(other);
        expect(lead.policeNote).toContain(w.identifierA);
      }
    });
  });
});
