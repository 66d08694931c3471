import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { businessToday } from '../../src/platform/lib/dates';
import { buildAccessWorld, worldViewers } from '../fixtures/access-world';
import { createAgreement, createBank, createInstitution, guaranteeInput, regionId } from '../fixtures/business';
import { CREATE_GUARANTEE } from '../fixtures/guarantee-ops';
import { viewer } from '../fixtures/viewers';
import { gql, ok } from '../support/graphql';
import { countStatements } from '../support/statements';
import { inRollback } from '../support/db';

/**
 * Guarantee.institution, .bank and .borrower have no resolver (page/guarantee.joined.ts): every path that hands out
 * a guarantee must bring them, with the borrower's identifier already decided for the viewer. These are the paths
 * other than the page and guarantee(id): through a compensation, and the result of a release.
 */
const RELATIONS = 'institution { id name } bank { id name } borrower { id name identifier }';

describe('a guarantee brings its institution, bank and borrower on every path', () => {
  it('through a compensation: the same relations as guarantee(id), the identifier decided per viewer, in one statement per level', async () => {
    await inRollback(async (m) => {
      const w = await buildAccessWorld(m);
      const v = worldViewers(w);
      const masked = `${w.identifierA.slice(0, 4)}**********${w.identifierA.slice(-4)}`;
      for (const [who, identifier] of [
        [v.institutionA1!, w.identifierA],
        [v.industry!, masked],
      ] as const) {
        const direct = ok(await gql(m, who, `query($id: ID!) { guarantee(id: $id) { ${RELATIONS} } }`, { id: w.gAX })).guarantee;
        const nested = ok(
          await gql(m, who, `query($id: ID!) { guarantee(id: $id) { compensations { guarantee { ${RELATIONS} } } } }`, { id: w.gAX }),
        ).guarantee.compensations;
        expect(nested).toHaveLength(1);
        expect(nested[0].guarantee).toEqual(direct);
        expect(direct.institution.id).toBe(w.A1);
        expect(direct.bank.id).toBe(w.X);
        expect(direct.borrower.identifier).toBe(identifier);
      }
      // guarantee, its compensations, their guarantees (with every relation joined): three statements.
      const { statements } = await countStatements(m, () =>
        gql(m, v.institutionA1, `query($id: ID!) { guarantee(id: $id) { compensations { guarantee { ${RELATIONS} } } } }`, { id: w.gAX }),
      );
      expect(statements).toHaveLength(3);
    });
  });

  it('from createGuarantee and releaseGuarantee: the written guarantee with its relations', async () => {
    await inRollback(async (m) => {
      const institution = await createInstitution(m);
      const bank = await createBank(m);
      await createAgreement(m, { institutionId: institution.id, bankId: bank.id }, { creditLine: '1000000.00' });
      const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
      const input = guaranteeInput(
        { institutionId: institution.id, bankId: bank.id, regionId: await regionId(m) },
        { startOn: '2024-03-15' },
      );
      const created = ok(await gql(m, owner, CREATE_GUARANTEE, { input })).createGuarantee;
      expect(created.institution).toEqual({ id: institution.id });
      expect(created.bank).toEqual({ id: bank.id });
      expect(created.borrower.identifier).toBe(input.borrower.identifier);

      const released = ok(
        await gql(m, owner, `mutation($id: ID!, $on: Date!) { releaseGuarantee(id: $id, releasedOn: $on) { status ${RELATIONS} } }`, {
          id: created.id,
          on: businessToday(),
        }),
      ).releaseGuarantee;
      expect(released.status).toBe('RELEASED');
      expect(released.institution).toEqual({ id: institution.id, name: institution.name });
      expect(released.bank).toEqual({ id: bank.id, name: bank.name });
      expect(released.borrower).toEqual({ id: created.borrower.id, name: created.borrower.name, identifier: input.borrower.identifier });
    });
  });
});
