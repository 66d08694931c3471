import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { countRows } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { codes, gql, ok } from '../support/graphql';
import { inRollback } from '../support/db';

/** R15: the 专班办公室 maintains the task force (实施意见（十一）, annex). */
const UPSERT = `mutation ($input: TaskForceMemberInput!) { upsertTaskForceMember(input: $input) { id name title position isOfficeDirector sortOrder } }`;
const OFFICE = viewer(Role.TASK_FORCE_OFFICE);

type Member = { id: string; name: string; title: string; position: string; isOfficeDirector: boolean; sortOrder: number };

function upsert(m: EntityManager, input: Record<string, unknown>, as = OFFICE) {
  return gql<{ upsertTaskForceMember: Member }>(m, as, UPSERT, {
    input: { title: '市科技局副局长', position: 'MEMBER', sortOrder: 25, ...input },
  });
}

async function snapshot(m: EntityManager) {
  return m.query(`SELECT id, name, title, position, is_office_director, sort_order FROM task_force_member ORDER BY id`);
}

describe('upsertTaskForceMember', () => {
  it('adds a member without an id, its name normalised ("王  刚" → "王刚")', async () => {
    await inRollback(async (m) => {
      const { upsertTaskForceMember: added } = ok(await upsert(m, { name: '王  刚', title: '  市科技局副局长 ' }));
      expect(added).toMatchObject({ name: '王刚', title: '市科技局副局长', position: 'MEMBER', isOfficeDirector: false, sortOrder: 25 });
      expect(await countRows(m, 'task_force_member')).toBe(25);
      const [row] = await m.query(`SELECT name FROM task_force_member WHERE id = $1`, [added.id]);
      expect(row.name).toBe('王刚');
    });
  });

  it('strips the ideographic space too', async () => {
    await inRollback(async (m) => {
      const { upsertTaskForceMember: added } = ok(await upsert(m, { name: '刘\u3000博 ' }));
      expect(added.name).toBe('刘博');
    });
  });

  it('changes a member with an id', async () => {
    await inRollback(async (m) => {
      const [{ id }] = await m.query(`SELECT id FROM task_force_member WHERE name = '王相东'`);
      const { upsertTaskForceMember: changed } = ok(await upsert(m, { id, name: '李  明', title: '市科技局局长', sortOrder: 7 }));
      expect(changed).toMatchObject({ id, name: '李明', title: '市科技局局长', position: 'MEMBER', sortOrder: 7 });
      expect(await countRows(m, 'task_force_member')).toBe(24);
      expect(await countRows(m, 'task_force_member', `name = '王相东'`)).toBe(0);
    });
  });

  it('moves the office director: clearing the old one first, then naming a new one', async () => {
    await inRollback(async (m) => {
      const [old] = await m.query(`SELECT id, title, sort_order FROM task_force_member WHERE is_office_director`);
      ok(await upsert(m, { id: old.id, name: '任海波', title: old.title, sortOrder: old.sort_order, isOfficeDirector: false }));
      const { upsertTaskForceMember: director } = ok(await upsert(m, { name: '新主任', isOfficeDirector: true }));
      expect(director.isOfficeDirector).toBe(true);
      expect(await countRows(m, 'task_force_member', 'is_office_director')).toBe(1);
    });
  });

  it('refuses a second 组长 or a second office director with CONFLICT, writing nothing', async () => {
    await inRollback(async (m) => {
      const before = await snapshot(m);
      expect(codes(await upsert(m, { name: '第二组长', position: 'LEADER' }))).toEqual(['CONFLICT']);
      expect(codes(await upsert(m, { name: '第二主任', isOfficeDirector: true }))).toEqual(['CONFLICT']);
      // An existing deputy promoted to leader clashes as well.
      const [deputy] = await m.query(`SELECT id FROM task_force_member WHERE name = '刘文强'`);
      expect(codes(await upsert(m, { id: deputy.id, name: '刘文强', position: 'LEADER', sortOrder: 2 }))).toEqual(['CONFLICT']);
      expect(await snapshot(m)).toEqual(before);
    });
  });

  it('answers NOT_FOUND for an id that names no member (or is no uuid)', async () => {
    await inRollback(async (m) => {
      const before = await snapshot(m);
      expect(codes(await upsert(m, { id: '00000000-0000-4000-8000-000000000000', name: '某人' }))).toEqual(['NOT_FOUND']);
      expect(codes(await upsert(m, { id: 'not-a-uuid', name: '某人' }))).toEqual(['NOT_FOUND']);
      expect(await snapshot(m)).toEqual(before);
    });
  });

  it.each([
    ['a blank name', { name: ' \u3000 ' }, 'name'],
    ['a blank title', { name: '某人', title: '   ' }, 'title'],
    ['sortOrder 0', { name: '某人', sortOrder: 0 }, 'sortOrder'],
    ['a negative sortOrder', { name: '某人', sortOrder: -3 }, 'sortOrder'],
  ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_what, input, field) => {
    await inRollback(async (m) => {
      const before = await snapshot(m);
      const result = await upsert(m, input);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.field).toBe(field);
      expect(await snapshot(m)).toEqual(before);
    });
  });

  it.each([Role.FINANCE, Role.TASK_FORCE_MEMBER, Role.ADMIN])('is FORBIDDEN to %s, writing nothing', async (role) => {
    await inRollback(async (m) => {
      const before = await snapshot(m);
      expect(codes(await upsert(m, { name: '某人' }, viewer(role)))).toEqual(['FORBIDDEN']);
      expect(await snapshot(m)).toEqual(before);
    });
  });
});
