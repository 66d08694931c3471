import type { EntityManager } from 'typeorm';
import { TaskForcePosition } from './task-force.entity';

const { LEADER, DEPUTY_LEADER, MEMBER } = TaskForcePosition;

/** The annex of the 实施意见: 组长, 2 副组长, 21 成员; 任海波 is the office director (R15). */
export const TASK_FORCE: ReadonlyArray<{ name: string; title: string; position: TaskForcePosition; isOfficeDirector?: boolean }> = [
  { name: '张百顺', title: '市委副书记，市长', position: LEADER },
  { name: '刘文强', title: '市委常委，常务副市长', position: DEPUTY_LEADER },
  { name: '王  刚', title: '副市长', position: DEPUTY_LEADER },
  { name: '贾鹏柱', title: '经济技术开发区管委会主任', position: MEMBER },
  { name: '金同元', title: '市技师学院党委书记、国资委主任', position: MEMBER },
  { name: '宋风河', title: '市公安局二级警务专员', position: MEMBER },
  { name: '王相东', title: '市科技局局长', position: MEMBER },
  { name: '解志超', title: '市工业和信息化局局长', position: MEMBER },
  { name: '任海波', title: '市财政局局长', position: MEMBER, isOfficeDirector: true },
  { name: '刘  博', title: '市人力资源社会保障局局长', position: MEMBER },
  { name: '任  凯', title: '市地方金融监管局局长', position: MEMBER },
  { name: '赵向东', title: '人民银行聊城市中心支行行长', position: MEMBER },
  { name: '赵  峰', title: '聊城银保监分局局长', position: MEMBER },
  { name: '江绍华', title: '东昌府区区长', position: MEMBER },
  { name: '汲广树', title: '茌平区区长', position: MEMBER },
  { name: '雷启军', title: '临清市市长', position: MEMBER },
  { name: '张志刚', title: '冠县县长', position: MEMBER },
  { name: '张云生', title: '莘县县长', position: MEMBER },
  { name: '杨旭博', title: '阳谷县县长', position: MEMBER },
  { name: '田学超', title: '东阿县县长', position: MEMBER },
  { name: '杨曙光', title: '高唐县县长', position: MEMBER },
  { name: '崔宪奎', title: '高新技术产业开发区管委会主任', position: MEMBER },
  { name: '高  峰', title: '江北水城旅游度假区管委会主任', position: MEMBER },
  { name: '徐慧然', title: '聊城市财信投资控股集团有限公司董事长', position: MEMBER },
];

/**
 * The annex pads two-character names to the width of three ("王  刚"); the name is "王刚".
 * Strips every kind of white space, including the ideographic space U+3000.
 */
export function normalizeName(name: string): string {
  return name.replace(/[\s\u3000]+/gu, '');
}

/** Seeded once, at first start: afterwards the task-force office maintains the list. */
export async function seedTaskForce(manager: EntityManager): Promise<void> {
  await manager.query(`LOCK TABLE task_force_member IN SHARE ROW EXCLUSIVE MODE`);
  const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM task_force_member`);
  if (count > 0) return;
  await manager.query(
    `INSERT INTO task_force_member (name, title, position, is_office_director, sort_order)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::int[])`,
    [
      TASK_FORCE.map((m) => normalizeName(m.name)),
      TASK_FORCE.map((m) => m.title),
      TASK_FORCE.map((m) => m.position),
      TASK_FORCE.map((m) => m.isOfficeDirector === true),
      TASK_FORCE.map((_, i) => i + 1),
    ],
  );
}
