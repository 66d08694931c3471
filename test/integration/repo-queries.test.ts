import { describe, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { Scope } from '../../src/access/scope';
import { CompensationRepo } from '../../src/modules/compensation/compensation.repo';
import { CooperationRepo } from '../../src/modules/cooperation/cooperation.repo';
import { DashboardRepo } from '../../src/modules/dashboard/dashboard.repo';
import { EvaluationRepo } from '../../src/modules/evaluation/evaluation.repo';
import { GrantRepo } from '../../src/modules/guarantee/grant/grant.repo';
import { GuaranteeStatus } from '../../src/modules/guarantee/guarantee.entity';
import { GuaranteeRepo } from '../../src/modules/guarantee/guarantee.repo';
import { LeadRepo } from '../../src/modules/lead/lead.repo';
import { LeadStatus } from '../../src/modules/lead/lead.entity';
import { BalanceRepo } from '../../src/modules/ledger/ledger.balances';
import { LedgerRepo } from '../../src/modules/ledger/ledger.repo';
import { dec } from '../../src/platform/lib/decimal';
import { flaggedLead } from '../fixtures/compensation-fixtures';
import { viewer } from '../fixtures/viewers';
import { snapshot, SYSTEM } from '../support/sql-log';

/**
 * Every repository method runs once against the real database, its SQL written to test/queries/<repo>.sql
 * (support/sql-log.ts): a change to a query shows in review as SQL. Reference-data and remaining modules'
 * repositories: repo-queries-more.test.ts.
 */
describe('repository SQL snapshots (test/queries/*.sql)', () => {
  it('guarantee.repo.sql', async () => {
    await snapshot('guarantee.repo.sql', async (log, m, b, own) => {
      const repo = new GuaranteeRepo(m);
      const filter = { institutionId: b.institutionId, status: GuaranteeStatus.ACTIVE, smallAgri: true, startOnFrom: '2024-01-01' };
      await log.record('GuaranteeRepo.page (institution viewer, every filter, after a cursor)', () =>
        repo.page(own, { ...filter, bankId: b.bankId, regionId: b.guarantee.regionId, startOnTo: '2024-12-31' }, 51, {
          startOn: '2025-01-01',
          id: b.guarantee.id,
        }),
      );
      await log.record('GuaranteeRepo.page (no filter, first page)', () => repo.page(own, undefined, 51));
      await log.record('GuaranteeRepo.findJoined', () => repo.findJoined(own, b.guarantee.id));
      await log.record('GuaranteeRepo.byIds', () => repo.byIds(own, [b.guarantee.id]));
      await log.record('GuaranteeRepo.countRows', () => repo.countRows(own, filter));
      await log.record('GuaranteeRepo.countFromAggregate', () => repo.countFromAggregate(own, { ...filter, status: null }));
      await log.record('GuaranteeRepo.lock', () => repo.lock(own, b.guarantee.id));
      await log.record('GuaranteeRepo.addCompensated', () => repo.addCompensated(b.guarantee.id, '1.00'));
      await log.record('GuaranteeRepo.setEnded', () => repo.setEnded(b.guarantee.id, GuaranteeStatus.RELEASED, '2024-06-01'));
    });
  });

  it('grant.repo.sql', async () => {
    await snapshot('grant.repo.sql', async (log, m, b) => {
      const repo = new GrantRepo(m);
      await log.record('GrantRepo.lockInstitutionGrants (exclusive)', () => repo.lockInstitutionGrants(b.institutionId, 'exclusive'));
      await log.record('GrantRepo.lockInstitutionGrants (shared)', () => repo.lockInstitutionGrants(b.institutionId, 'shared'));
      await log.record('GrantRepo.institutionExists', () => repo.institutionExists(SYSTEM, b.institutionId));
      await log.record('GrantRepo.existing (bank)', () => repo.existing(SYSTEM, 'bank', [b.bankId]));
      await log.record('GrantRepo.existing (region)', () => repo.existing(SYSTEM, 'region', [b.guarantee.regionId]));
      await log.record('GrantRepo.regionIdsByCode', () => repo.regionIdsByCode());
      await log.record('GrantRepo.existingCodes', () => repo.existingCodes(SYSTEM, b.institutionId, [b.guarantee.code]));
      await log.record('GrantRepo.inForceByBorrower', () => repo.inForceByBorrower(SYSTEM, b.institutionId, [b.guarantee.borrowerId]));
      await log.record('GrantRepo.insert', () =>
        repo.insert(b.institutionId, [
          {
            ...b.guarantee,
            code: `${b.guarantee.code}-2`,
            kind: 'LOAN',
            bankRiskShare: '0.200000',
            smallAgri: true,
          },
        ]),
      );
    });
  });

  it('cooperation.repo.sql', async () => {
    await snapshot('cooperation.repo.sql', async (log, m, b, own) => {
      const repo = new CooperationRepo(m);
      await log.record('CooperationRepo.list (both parties)', () => repo.list(own, { institutionId: b.institutionId, bankId: b.bankId }));
      await log.record('CooperationRepo.get', () => repo.get(own, b.agreementId));
      await log.record('CooperationRepo.byIds', () => repo.byIds(own, [b.agreementId]));
      await log.record('CooperationRepo.institutionExists', () => repo.institutionExists(own, b.institutionId));
      await log.record('CooperationRepo.bankExists', () => repo.bankExists(own, b.bankId));
      await log.record('CooperationRepo.lockForGrant (some banks)', () => repo.lockForGrant(SYSTEM, b.institutionId, [b.bankId]));
      await log.record('CooperationRepo.lockForGrant (all)', () => repo.lockForGrant(SYSTEM, b.institutionId, 'all'));
      await log.record('CooperationRepo.addUsedCredit', () => repo.addUsedCredit(new Map([[b.agreementId, dec('1.00')]])));
      await log.record('CooperationRepo.releaseCredit', () => repo.releaseCredit(b.agreementId, '1.00'));
      await log.record('CooperationRepo.insert', () =>
        repo.insert({
          institutionId: b.institutionId,
          bankId: b.bankId,
          bankRiskShare: '0.200000',
          creditLine: '1000000.00',
          batchMode: false,
          greenChannel: false,
          exceptionReason: null,
          signedOn: '2024-01-01',
          expiresOn: null,
        }),
      );
      await log.record('CooperationRepo.recomputeUsedCredit (demo seeding)', () => repo.recomputeUsedCredit());
    });
  });

  it('compensation.repo.sql and lead.repo.sql', async () => {
    await snapshot('compensation.repo.sql', async (log, m, b, own) => {
      const { compensationId } = await flaggedLead(m, b);
      const repo = new CompensationRepo(m);
      await log.record('CompensationRepo.find', () => repo.find(own, compensationId));
      await log.record('CompensationRepo.byGuarantees', () => repo.byGuarantees(own, [b.guarantee.id]));
      await log.record('CompensationRepo.lock', () => repo.lock(own, compensationId));
      await log.record('CompensationRepo.addRecovery', () => repo.addRecovery(compensationId, '1.00', '2024-07-01'));
      await log.record('CompensationRepo.insert', () =>
        repo.insert({
          guaranteeId: b.guarantee.id,
          institutionId: b.institutionId,
          amount: '1.00',
          paidOn: '2024-07-01',
          suspectedMalicious: false,
          evidence: null,
        }),
      );
    });
    await snapshot('lead.repo.sql', async (log, m, b, own) => {
      const { compensationId, leadId } = await flaggedLead(m, b);
      const repo = new LeadRepo(m);
      const police = new Scope(viewer(Role.PUBLIC_SECURITY));
      await log.record('LeadRepo.read (institution viewer, by ids and status)', () =>
        repo.read(own, { ids: [leadId], status: LeadStatus.PENDING_REVIEW }),
      );
      await log.record('LeadRepo.read (police, by compensation)', () => repo.read(police, { compensationIds: [compensationId] }));
      await log.record('LeadRepo.lock', () => repo.lock(own, leadId));
      await log.record('LeadRepo.setReviewed', () => repo.setReviewed(leadId, LeadStatus.CONFIRMED, null, 'test'));
      await log.record('LeadRepo.setTransferred', () => repo.setTransferred(leadId));
      await log.record('LeadRepo.setInvestigation', () => repo.setInvestigation(leadId, LeadStatus.INVESTIGATING, null, null));
    });
  });

  it('dashboard.repo.sql, evaluation.repo.sql and ledger.repo.sql', async () => {
    await snapshot('dashboard.repo.sql', async (log, m, b, own) => {
      const repo = new DashboardRepo(m);
      await log.record('DashboardRepo.slices (a period, every filter)', () =>
        repo.slices(own, {
          from: '2024-01-01',
          to: '2024-12-31',
          regionId: b.guarantee.regionId,
          institutionId: b.institutionId,
          bankId: b.bankId,
        }),
      );
      await log.record('DashboardRepo.slices (up to a month, city-wide)', () =>
        repo.slices(new Scope(viewer(Role.FINANCE)), { from: null, to: '2024-12-31' }),
      );
      await log.record('DashboardRepo.dataVersion', () => repo.dataVersion(SYSTEM));
    });
    await snapshot('evaluation.repo.sql', async (log, m, b) => {
      const sasac = new Scope(viewer(Role.SASAC));
      const repo = new EvaluationRepo(m);
      await log.record('EvaluationRepo.list', () => repo.list(sasac, { institutionId: b.institutionId, year: 2024 }));
      await log.record('EvaluationRepo.institution', () => repo.institution(sasac, b.institutionId));
      await log.record('EvaluationRepo.exists', () => repo.exists(sasac, b.institutionId, 2024));
      await log.record('EvaluationRepo.yearFlows', () => repo.yearFlows(SYSTEM, b.institutionId, 2024));
      await log.record('EvaluationRepo.inForceBalances', () => repo.inForceBalances(SYSTEM, b.institutionId, '2024-12-31'));
      const id = await log.record('EvaluationRepo.insert', () =>
        repo.insert({
          institutionId: b.institutionId,
          year: 2024,
          smallAgriShare: null,
          averageFeeRate: null,
          compensationRate: null,
          leverage: null,
          score: '90.00',
          grade: 'GOOD',
          evaluatorRole: Role.SASAC,
          comment: null,
        }),
      );
      await log.record('EvaluationRepo.get', () => repo.get(sasac, id));
    });
    await snapshot('ledger.repo.sql', async (log, m, b) => {
      const repo = new LedgerRepo(m);
      const key = { institutionId: b.institutionId, bankId: b.bankId, regionId: b.guarantee.regionId };
      const g = { startOn: '2024-05-01', guaranteedAmount: '1.00', feeRate: '0.010000', smallAgri: true, smallHousehold: true };
      await log.record('LedgerRepo.addNewBusiness', () => repo.addNewBusiness(key, g));
      await log.record('LedgerRepo.addNewBusinessMany', () => repo.addNewBusinessMany(b.institutionId, [{ ...key, ...g }]));
      await log.record('LedgerRepo.addReleased', () => repo.addReleased(key, '2024-05-02', '1.00'));
      await log.record('LedgerRepo.addCompensated', () => repo.addCompensated(key, '2024-05-03', '1.00'));
      // The open balances (ledger.balances.ts); rebuild() (the demo seed's, over every institution) is left out.
      const balances = new BalanceRepo(m);
      const open = { borrowerId: b.guarantee.borrowerId, kind: 'LOAN', guaranteedAmount: '1.00', smallAgri: true };
      await log.record('BalanceRepo.opened', () => balances.opened(b.institutionId, [open]));
      await log.record('BalanceRepo.closed', () => balances.closed(b.institutionId, open));
    });
  });
});
