import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { businessToday } from '../../src/platform/lib/dates';
import { countRows, createInstitution, regionId, validResidentId } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';
import { codes, gql, ok } from '../support/graphql';

const RECORD = `mutation($input: InspectionInput!) {
  recordInspection(input: $input) { id kind inspectedOn findings rectificationDueOn status rectifiedOn overdue institution { id } }
}`;
const CLOSE = `mutation($id: ID!, $on: Date!, $note: String) { closeInspection(id: $id, rectifiedOn: $on, note: $note) { id status rectifiedOn overdue } }`;
const LIST = `query($institutionId: ID) { inspections(institutionId: $institutionId) { id findings overdue institution { id } } }`;
const MEET = `mutation($input: TaskForceMeetingInput!) {
  recordTaskForceMeeting(input: $input) { id heldOn topic decisions supervisedInstitutions { id } }
}`;
const MEETINGS = `{ taskForceMeetings { id topic decisions supervisedInstitutions { id } } }`;

const regulator = viewer(Role.FINANCIAL_REGULATOR);
const office = viewer(Role.TASK_FORCE_OFFICE);

function inspection(institutionId: string, overrides: Record<string, unknown> = {}) {
  return {
    institutionId,
    kind: 'ON_SITE',
    inspectedOn: '2025-03-10',
    findings: '代偿台账不完整',
    rectificationDueOn: '2025-04-30',
    ...overrides,
  };
}

describe('inspections (实施意见（十）, R20)', () => {
  it('the regulator records one, it is overdue while open past its date, and closing it twice is CONFLICT', async () => {
    await inRollback(async (m) => {
      const inst = await createInstitution(m);
      const { recordInspection: n } = ok(await gql(m, regulator, RECORD, { input: inspection(inst.id) }));
      expect(n).toMatchObject({ kind: 'ON_SITE', status: 'OPEN', rectifiedOn: null, overdue: true, institution: { id: inst.id } });
      const { closeInspection: closed } = ok(await gql(m, regulator, CLOSE, { id: n.id, on: '2025-04-20', note: '已补齐' }));
      expect(closed).toMatchObject({ status: 'RECTIFIED', rectifiedOn: '2025-04-20', overdue: false });
      expect(codes(await gql(m, regulator, CLOSE, { id: n.id, on: '2025-04-21' }))).toEqual(['CONFLICT']);
      // Not yet due: not overdue.
      const later = ok(await gql(m, regulator, RECORD, { input: inspection(inst.id, { rectificationDueOn: '2999-01-01' }) }));
      expect(later.recordInspection.overdue).toBe(false);
    });
  });

  it('refuses bad input with its field and writes nothing', async () => {
    await inRollback(async (m) => {
      const inst = await createInstitution(m);
      const cases: [Record<string, unknown>, string][] = [
        [{ findings: '   ' }, 'findings'],
        [{ inspectedOn: '2999-01-01' }, 'inspectedOn'],
        [{ rectificationDueOn: '2025-03-09' }, 'rectificationDueOn'],
      ];
      for (const [overrides, field] of cases) {
        const result = await gql(m, regulator, RECORD, { input: inspection(inst.id, overrides) });
        expect(codes(result)).toEqual(['BAD_USER_INPUT']);
        expect(result.errors?.[0].extensions?.field).toBe(field);
      }
      expect(await countRows(m, 'inspection', 'institution_id = $1', [inst.id])).toBe(0);
    });
  });

  it('an institution reads its own only; a county regulator records and reads only its county; findings are masked for readers without identities', async () => {
    await inRollback(async (m) => {
      const county = await regionId(m, '371502');
      const other = await regionId(m, '371521');
      const mine = await createInstitution(m, { regionId: county });
      const theirs = await createInstitution(m, { regionId: other });
      const id = validResidentId();
      ok(await gql(m, regulator, RECORD, { input: inspection(mine.id, { findings: `借款人 ${id} 资料缺失` }) }));
      ok(await gql(m, regulator, RECORD, { input: inspection(theirs.id) }));

      const own = ok(await gql(m, viewer(Role.GUARANTEE_INSTITUTION, { institutionId: mine.id }), LIST, {})).inspections;
      expect(own.map((n: { institution: { id: string } }) => n.institution.id)).toEqual([mine.id]);
      expect(own[0].findings).toContain(id);

      const sasac = ok(await gql(m, viewer(Role.SASAC), LIST, { institutionId: mine.id })).inspections;
      expect(sasac[0].findings).not.toContain(id);
      expect(sasac[0].findings).toContain(`${id.slice(0, 4)}**********${id.slice(-4)}`);

      const narrowed = viewer(Role.FINANCIAL_REGULATOR, { regionId: county });
      const seen = ok(await gql(m, narrowed, LIST, {})).inspections.map((n: { institution: { id: string } }) => n.institution.id);
      expect(seen).toContain(mine.id);
      expect(seen).not.toContain(theirs.id);
      expect(codes(await gql(m, narrowed, RECORD, { input: inspection(theirs.id) }))).toEqual(['NOT_FOUND']);
    });
  });
});

describe('task-force meetings (实施意见（十一）, R20)', () => {
  it('the office records decisions and supervised institutions; the holding group sees only its own among them', async () => {
    await inRollback(async (m) => {
      const member = await createInstitution(m, { inHoldingGroup: true });
      const outsider = await createInstitution(m);
      const input = {
        heldOn: '2025-05-08',
        topic: '一季度督导',
        decisions: ['约谈', '限期整改'],
        supervisedInstitutionIds: [member.id, outsider.id.toUpperCase()],
      };
      const { recordTaskForceMeeting: meeting } = ok(await gql(m, office, MEET, { input }));
      expect(meeting.decisions).toEqual(['约谈', '限期整改']);
      expect(meeting.supervisedInstitutions.map((i: { id: string }) => i.id).sort()).toEqual([member.id, outsider.id].sort());

      const group = ok(await gql(m, viewer(Role.HOLDING_GROUP), MEETINGS)).taskForceMeetings.find(
        (x: { id: string }) => x.id === meeting.id,
      );
      expect(group.supervisedInstitutions).toEqual([{ id: member.id }]);
    });
  });

  it('refuses an empty decision list, a future date and an unknown institution, writing nothing', async () => {
    await inRollback(async (m) => {
      const before = await countRows(m, 'task_force_meeting');
      const base = { heldOn: '2025-05-08', topic: '督导', decisions: ['约谈'] };
      const empty = await gql(m, office, MEET, { input: { ...base, decisions: [] } });
      expect([codes(empty), empty.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'decisions']);
      const future = await gql(m, office, MEET, { input: { ...base, heldOn: '2999-01-01' } });
      expect([codes(future), future.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'heldOn']);
      const unknown = await gql(m, office, MEET, {
        input: { ...base, supervisedInstitutionIds: ['00000000-0000-4000-8000-000000000000'] },
      });
      expect(codes(unknown)).toEqual(['NOT_FOUND']);
      expect(await countRows(m, 'task_force_meeting')).toBe(before);
      expect(businessToday() > '2025-05-08').toBe(true);
    });
  });
});
