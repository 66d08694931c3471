import { randomUUID } from 'node:crypto';
import { describe, it } from 'vitest';
import { BorrowerKind } from '../../src/modules/borrower/borrower.entity';
import { BorrowerRepo } from '../../src/modules/borrower/borrower.repo';
import { IdentifierKind } from '../../src/platform/lib/identifiers';
import { validCreditCode } from '../fixtures/business';
import { Role } from '../../src/access/roles';
import { Scope } from '../../src/access/scope';
import { AuditRepo } from '../../src/modules/audit/audit.repo';
import { BankRepo } from '../../src/modules/bank/bank.repo';
import { CapitalRepo } from '../../src/modules/capital/capital.repo';
import { InstitutionRepo } from '../../src/modules/institution/institution.repo';
import { ListStatus } from '../../src/modules/institution/institution.entity';
import { InspectionKind } from '../../src/modules/oversight/oversight.entity';
import { OversightRepo } from '../../src/modules/oversight/oversight.repo';
import { PolicyRepo } from '../../src/modules/policy/policy.repo';
import { RegionRepo } from '../../src/modules/region/region.repo';
import { reportFigures } from '../../src/modules/report/report.calc';
import { ReportRepo } from '../../src/modules/report/report.repo';
import { quoteRiskCompensation } from '../../src/modules/risk-compensation/risk-compensation.calc';
import { RiskCompensationRepo } from '../../src/modules/risk-compensation/risk-compensation.repo';
import { ClaimRepo } from '../../src/modules/claim/claim.repo';
import { feeSubsidyFigures } from '../../src/modules/fee-subsidy/fee-subsidy.calc';
import { FeeSubsidyRepo } from '../../src/modules/fee-subsidy/fee-subsidy.repo';
import { ClaimStatus } from '../../src/modules/risk-compensation/risk-compensation.types';
import { ScorecardRepo } from '../../src/modules/scorecard/scorecard.repo';
import { TaskForceRepo } from '../../src/modules/task-force/task-force.repo';
import { CITY_2023_TIERS } from '../../src/modules/policy/policy.seed';
import { WarningRepo } from '../../src/modules/warning/warning.repo';
import { viewer } from '../fixtures/viewers';
import { snapshot, SYSTEM } from '../support/sql-log';

/** The SQL of the remaining repositories (see repo-queries.test.ts), written to test/queries/<repo>.sql. */
describe('repository SQL snapshots, continued', () => {
  it('report.repo.sql and risk-compensation.repo.sql', async () => {
    await snapshot('report.repo.sql', async (log, m, b, own) => {
      const repo = new ReportRepo(m);
      const bank = new Scope(viewer(Role.BANK, { bankId: b.bankId }));
      await log.record('ReportRepo.list', () => repo.list(own, { institutionId: b.institutionId, month: '2024-03' }));
      await log.record('ReportRepo.notifications (bank viewer)', () => repo.notifications(bank, '2024-03'));
      await log.record('ReportRepo.lockInstitution', () => repo.lockInstitution(own, b.institutionId));
      const sums = await log.record('ReportRepo.monthSums', () => repo.monthSums(own, b.institutionId, '2024-03'));
      const id = await log.record('ReportRepo.insert', () => repo.insert(b.institutionId, '2024-03', reportFigures(sums), 'test'));
      await log.record('ReportRepo.notifyPartners', () => repo.notifyPartners(id, b.institutionId));
      await log.record('ReportRepo.byIds', () => repo.byIds(own, [id]));
    });
    await snapshot('risk-compensation.repo.sql', async (log, m, b, own) => {
      const repo = new RiskCompensationRepo(m);
      await log.record('RiskCompensationRepo.list', () => repo.list(own, { institutionId: b.institutionId, year: 2024 }));
      await log.record('RiskCompensationRepo.institutionLevel', () => repo.institutionLevel(own, b.institutionId));
      const sums = await log.record('RiskCompensationRepo.yearSums', () => repo.yearSums(own, b.institutionId, 2024));
      const quote = quoteRiskCompensation(sums.released, sums.compensated, CITY_2023_TIERS, 'PROGRESSIVE');
      const id = await log.record('RiskCompensationRepo.insert', () => repo.insert(b.institutionId, 2024, quote, 'test'));
      await log.record('RiskCompensationRepo.get (locked)', () => repo.get(own, id, true));
      await log.record('RiskCompensationRepo.setDecision', () => repo.setDecision(id, ClaimStatus.APPROVED, Role.FINANCE, null));
    });
    await snapshot('claim.repo.sql', async (log, m, b, own) => {
      const repo = new ClaimRepo(m);
      await log.record('ClaimRepo.openStatus (risk compensation)', () =>
        repo.openStatus(own, 'risk_compensation_claim', b.institutionId, 2024),
      );
      await log.record('ClaimRepo.openStatus (fee subsidy)', () => repo.openStatus(own, 'fee_subsidy_claim', b.institutionId, 2024));
      await log.record('ClaimRepo.payable (risk compensation)', () => repo.payable(own, 'risk_compensation_claim', randomUUID()));
      await log.record('ClaimRepo.payable (fee subsidy)', () => repo.payable(own, 'fee_subsidy_claim', randomUUID()));
      await log.record('ClaimRepo.markPaid', () => repo.markPaid('fee_subsidy_claim', randomUUID(), '2025-01-02', 'test'));
    });
    await snapshot('fee-subsidy.repo.sql', async (log, m, b, own) => {
      const repo = new FeeSubsidyRepo(m);
      await log.record('FeeSubsidyRepo.list', () => repo.list(own, { institutionId: b.institutionId, year: 2024 }));
      await log.record('FeeSubsidyRepo.institutionExists', () => repo.institutionExists(own, b.institutionId));
      const candidates = await log.record('FeeSubsidyRepo.candidates', () => repo.candidates(own, b.institutionId, 2024));
      const figures = feeSubsidyFigures(candidates, '0.005');
      const id = await log.record('FeeSubsidyRepo.insert', () => repo.insert(b.institutionId, 2024, figures, 'test'));
      await log.record('FeeSubsidyRepo.freeze', () => repo.freeze(id, [b.guarantee.id]));
      await log.record('FeeSubsidyRepo.get (locked)', () => repo.get(own, id, true));
      await log.record('FeeSubsidyRepo.decide', () => repo.decide(id, 'industry', ClaimStatus.SUBMITTED, null));
      await log.record('FeeSubsidyRepo.eligibleByClaims', () => repo.eligibleByClaims(own, [id]));
    });
  });

  it('capital.repo.sql, institution.repo.sql and bank.repo.sql', async () => {
    await snapshot('capital.repo.sql', async (log, m, b) => {
      const finance = new Scope(viewer(Role.FINANCE));
      const repo = new CapitalRepo(m);
      await log.record('CapitalRepo.list', () => repo.list(finance, { institutionId: b.institutionId }));
      await log.record('CapitalRepo.lockCapital', () => repo.lockCapital(finance, b.institutionId));
      const injection = {
        institutionId: b.institutionId,
        amount: '1.00',
        source: 'GOVERNMENT',
        form: 'EQUITY',
        basis: null,
        injectedOn: '2024-01-01',
        recordedBy: 'test',
      };
      const id = await log.record('CapitalRepo.insert', () => repo.insert(injection, '1.00', '1.00'));
      await log.record('CapitalRepo.get', () => repo.get(finance, id));
    });
    await snapshot('institution.repo.sql', async (log, m, b, own) => {
      const repo = new InstitutionRepo(m);
      await log.record('InstitutionRepo.list (institution viewer)', () => repo.list(own));
      await log.record('InstitutionRepo.byIds', () => repo.byIds(own, [b.institutionId]));
      await log.record('InstitutionRepo.get (locked)', () => repo.get(own, b.institutionId, true));
      await log.record('InstitutionRepo.clash', () => repo.clash(SYSTEM, 'name', '91371502MA00000000'));
      await log.record('InstitutionRepo.setListStatus', () =>
        repo.setListStatus(b.institutionId, ListStatus.REPORTED, 'reported_on', '2024-01-01'),
      );
    });
    await snapshot('bank.repo.sql', async (log, m, b, own) => {
      const repo = new BankRepo(m);
      const bank = new Scope(viewer(Role.BANK, { bankId: b.bankId }));
      await log.record('BankRepo.list (bank viewer)', () => repo.list(bank));
      await log.record('BankRepo.byIds', () => repo.byIds(own, [b.bankId]));
      await log.record('BankRepo.nameTaken', () => repo.nameTaken(SYSTEM, 'no such bank'));
      await log.record('BankRepo.insert', () => repo.insert({ name: `bank-${b.bankId}`, kind: 'JOINT_STOCK', regionId: null }));
    });
  });

  it('policy.repo.sql, region.repo.sql, audit.repo.sql and task-force.repo.sql', async () => {
    await snapshot('policy.repo.sql', async (log, m) => {
      const repo = new PolicyRepo(m);
      await log.record('PolicyRepo.inForce', () => repo.inForce(SYSTEM, '2024-01-01'));
      await log.record('PolicyRepo.effectiveDates', () => repo.effectiveDates(SYSTEM));
      await log.record('PolicyRepo.anyInForceBy', () => repo.anyInForceBy(SYSTEM, '2024-12-31'));
      await log.record('PolicyRepo.list', () => repo.list(SYSTEM));
      // A copy of the latest version, a day after it: every column the table requires.
      const [{ id: _id, created_at: _createdAt, ...latest }] = await m.query(
        `SELECT * FROM policy_parameter_set ORDER BY effective_on DESC LIMIT 1`,
      );
      const row = { ...latest, effective_on: '2099-01-01', compensation_tiers: JSON.stringify(latest.compensation_tiers) };
      const id = await log.record('PolicyRepo.insert', () => repo.insert(row));
      await log.record('PolicyRepo.get', () => repo.get(SYSTEM, id));
    });
    await snapshot('region.repo.sql', async (log, m, b) => {
      const repo = new RegionRepo(m);
      await log.record('RegionRepo.list', () => repo.list(SYSTEM));
      await log.record('RegionRepo.byIds', () => repo.byIds(SYSTEM, [b.guarantee.regionId]));
      await log.record('RegionRepo.exists', () => repo.exists(SYSTEM, b.guarantee.regionId));
      await log.record('RegionRepo.kind', () => repo.kind(SYSTEM, b.guarantee.regionId));
    });
    await snapshot('audit.repo.sql', async (log, m) => {
      const repo = new AuditRepo(m);
      await log.record('AuditRepo.page (first page)', () => repo.page(SYSTEM, {}, 51));
      await log.record('AuditRepo.page (an operation, after a cursor)', () =>
        repo.page(SYSTEM, { operation: 'createGuarantee', beforeId: '1000' }, 51),
      );
    });
    await snapshot('task-force.repo.sql', async (log, m) => {
      const repo = new TaskForceRepo(m);
      await log.record('TaskForceRepo.members', () => repo.members(SYSTEM));
      const id = await log.record('TaskForceRepo.insert', () => repo.insert(['测试成员', '测试单位', 'MEMBER', false, 99]));
      await log.record('TaskForceRepo.update', () => repo.update(id, ['测试成员', '测试单位', 'MEMBER', false, 98]));
      await log.record('TaskForceRepo.get', () => repo.get(SYSTEM, id));
    });
  });

  it('borrower.repo.sql', async () => {
    await snapshot('borrower.repo.sql', async (log, m, b) => {
      const repo = new BorrowerRepo(m);
      await log.record('BorrowerRepo.upsert', () =>
        repo.upsert(b.institutionId, [
          {
            name: '快照企业',
            identifier: validCreditCode(),
            identifierKind: IdentifierKind.CREDIT_CODE,
            kind: BorrowerKind.SMALL_ENTERPRISE,
            regionId: b.guarantee.regionId,
          },
        ]),
      );
      await log.record('BorrowerRepo.byIds', () => repo.byIds(SYSTEM, [b.guarantee.borrowerId]));
    });
  });

  it('oversight.repo.sql, scorecard.repo.sql and warning.repo.sql', async () => {
    await snapshot('oversight.repo.sql', async (log, m, b, own) => {
      const repo = new OversightRepo(m);
      const regulator = new Scope(viewer(Role.FINANCIAL_REGULATOR));
      const inspection = {
        institutionId: b.institutionId,
        kind: InspectionKind.ON_SITE,
        inspectedOn: '2024-03-01',
        findings: 'test',
        rectificationDueOn: null,
        recordedBy: 'test',
      };
      const id = await log.record('OversightRepo.insertInspection', () => repo.insertInspection(inspection));
      await log.record('OversightRepo.inspections (institution viewer)', () => repo.inspections(own, b.institutionId));
      await log.record('OversightRepo.inspection', () => repo.inspection(regulator, id));
      await log.record('OversightRepo.close', () => repo.close(id, { rectifiedOn: '2024-04-01', note: null, closedBy: 'test' }));
      const meeting = { heldOn: '2024-03-01', topic: 'test', decisions: ['test'], recordedBy: 'test' };
      const meetingId = await log.record('OversightRepo.insertMeeting', () => repo.insertMeeting(meeting));
      await log.record('OversightRepo.insertMeetingInstitutions', () => repo.insertMeetingInstitutions(meetingId, [b.institutionId]));
      await log.record('OversightRepo.meetings', () => repo.meetings(SYSTEM));
      await log.record('OversightRepo.meeting', () => repo.meeting(SYSTEM, meetingId));
      await log.record('OversightRepo.supervisedInstitutionIds', () => repo.supervisedInstitutionIds(own, [meetingId]));
    });
    await snapshot('scorecard.repo.sql', async (log, m, b) => {
      const bank = new Scope(viewer(Role.BANK, { bankId: b.bankId }));
      await log.record('ScorecardRepo.bankYear (bank viewer)', () => new ScorecardRepo(m).bankYear(bank, '2024-01-01', '2024-12-31'));
    });
    await snapshot('warning.repo.sql', async (log, m, b, own) => {
      const repo = new WarningRepo(m);
      const ids = [b.institutionId];
      await log.record('WarningRepo.dataVersion', () => repo.dataVersion(SYSTEM, ['2024-02']));
      await log.record('WarningRepo.institutionFigures', () => repo.institutionFigures(own, '2024-03-31'));
      await log.record('WarningRepo.institutionFigures (one)', () => repo.institutionFigures(own, '2024-03-31', b.institutionId));
      const bounds = { smallKinds: ['SMALL_ENTERPRISE'], smallLoanAmount: '5000000', farmerKinds: ['FARMER'], farmerLoanAmount: '2000000' };
      await log.record('WarningRepo.inForce', () => repo.inForce(own, ids, '2024-03-31', bounds));
      await log.record('WarningRepo.inForce (scan)', () => repo.inForce(own, ids, '2024-03-31', bounds, 'scan'));
      await log.record('WarningRepo.agreementsInForce', () => repo.agreementsInForce(own, ids, '2024-03-31'));
      await log.record('WarningRepo.firstReportDates', () => repo.firstReportDates(own, ids, '2024-02'));
    });
  });
});
