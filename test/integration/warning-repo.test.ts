import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { Scope } from '../../src/access/scope';
import { WarningRepo } from '../../src/modules/warning/warning.repo';
import { business } from '../fixtures/compensation-fixtures';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';

/** WarningRepo reads an institution's business only when the viewer's scope admits the institution, whatever ids it is given. */
describe('WarningRepo', () => {
  it('reads the guarantees and agreements of institutions in scope only', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const repo = new WarningRepo(m);
      const own = new Scope(b.owner);
      const other = new Scope(viewer(Role.GUARANTEE_INSTITUTION, { institutionId: randomUUID() }));
      const ids = [b.institutionId];
      const bounds = { smallKinds: ['SMALL_ENTERPRISE'], smallLoanAmount: '5000000', farmerKinds: ['FARMER'], farmerLoanAmount: '2000000' };
      expect((await repo.inForce(own, ids, '2099-12-31', bounds)).map((f) => f.balance)).toEqual(['800000.00']);
      expect((await repo.agreementsInForce(own, ids, '2099-12-31')).length).toBeGreaterThan(0);
      expect((await repo.inForce(own, ids, '2099-12-31', bounds, 'scan')).map((f) => Number(f.balance))).toEqual([800000]);
      expect(await repo.inForce(other, ids, '2099-12-31', bounds)).toEqual([]);
      expect(await repo.inForce(other, ids, '2099-12-31', bounds, 'scan')).toEqual([]);
      expect(await repo.agreementsInForce(other, ids, '2099-12-31')).toEqual([]);
    });
  });
});
