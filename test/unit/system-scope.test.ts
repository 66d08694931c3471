import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { Scope, type ScopeCondition } from '../../src/access/scope';
import { SystemScope } from '../../src/access/system-scope';
import { GuaranteeRepo } from '../../src/modules/guarantee/guarantee.repo';
import { viewer } from '../fixtures/viewers';

/** The row-kind methods of Scope: each returns a condition over an alias. */
const KINDS = Object.getOwnPropertyNames(Scope.prototype).filter(
  (name) =>
    name !== 'constructor' &&
    !['seesBorrowerIdentity', 'seesLeadIdentity', 'actsFor', 'coversRegion', 'owned', 'bankPath', 'region', 'own'].includes(name),
) as (keyof Scope)[];

describe('SystemScope: the named bypass of row scope', () => {
  it('reads every row of every kind Scope knows (a kind added to Scope must be added to SystemScope too)', () => {
    const system = SystemScope.because('test');
    expect(KINDS.length).toBeGreaterThan(10);
    for (const kind of KINDS) {
      const condition = (system[kind] as (alias: string) => ScopeCondition)('x');
      expect(condition, kind).toEqual({ sql: 'TRUE', params: {} });
      expect(Object.prototype.hasOwnProperty.call(SystemScope.prototype, kind), kind).toBe(true);
    }
  });

  it('acts for nobody and shows no identity in full', () => {
    const system = SystemScope.because('test');
    expect(system.actsFor('00000000-0000-0000-0000-000000000000')).toBe(false);
    expect(system.seesBorrowerIdentity('00000000-0000-0000-0000-000000000000')).toBe(false);
    expect(system.reason).toBe('test');
  });

  it('needs a reason a reviewer can read', () => {
    expect(() => SystemScope.because('  ')).toThrow();
  });

  it('a repository read without a scope does not type-check (npm run typecheck checks the lines marked below)', () => {
    const repo = new GuaranteeRepo(null as unknown as EntityManager);
    const reads = () => {
      // @ts-expect-error a read names the viewer's scope or a SystemScope
      void repo.byIds(['x']);
      // @ts-expect-error a read names the viewer's scope or a SystemScope
      void repo.lock('x');
      void repo.byIds(new Scope(viewer(Role.FINANCE)), ['x']);
    };
    expect(typeof reads).toBe('function');
  });
});
