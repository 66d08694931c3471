import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { Scope } from '../../src/access/scope';
import { guaranteeJoin, selectedColumns } from '../../src/modules/guarantee/guarantee.columns';
import { joinedLayout, joinedValues, toJoined, type JoinedLayout } from '../../src/modules/guarantee/page/guarantee.joined';
import { Tier, type PageSelection } from '../../src/modules/guarantee/page/guarantee.selection';
import { viewer } from '../fixtures/viewers';

const INSTITUTION = '11111111-1111-4111-8111-111111111111';
const OTHER_INSTITUTION = '22222222-2222-4222-8222-222222222222';

/** Every selection a page can make: 2 guarantee tiers × 3 tiers of each relation. */
function everySelection(): PageSelection[] {
  const out: PageSelection[] = [];
  for (const guarantee of [Tier.NARROW, Tier.FULL] as const)
    for (const institution of [Tier.NONE, Tier.NARROW, Tier.FULL])
      for (const bank of [Tier.NONE, Tier.NARROW, Tier.FULL])
        for (const borrower of [Tier.NONE, Tier.NARROW, Tier.FULL]) out.push({ guarantee, institution, bank, borrower });
  return out;
}

/** A row's values as the page reads them: each column's value is its own name (booleans aside), in select order. */
function valuesOf(columns: readonly string[]): unknown[] {
  return columns.map((c) => (c === 'smallAgri' ? true : c === 'b_regionId' ? null : `v:${c}`));
}

describe('joined page rows: read as values in select order, built into one shape of guarantee', () => {
  it('names every column of every page select list, each one the layout places', () => {
    const scope = new Scope(viewer(Role.FINANCE));
    for (const selection of everySelection()) {
      const j = guaranteeJoin(scope, selection);
      expect(j.columns).toHaveLength(j.select.split(',').length);
      const layout = joinedLayout(j.columns);
      for (const [i, name] of j.columns.entries()) expect(layout[name as keyof JoinedLayout]).toBe(i);
      // A column the list does not select is -1 in the layout.
      expect(Object.values(layout).filter((i) => i >= 0)).toHaveLength(j.columns.length);
    }
    expect(selectedColumns(`g.id, g.start_on AS "startOn"`)).toEqual(['id', 'startOn']);
    expect(() => selectedColumns(`g.id, count(*) AS n`)).toThrow(/not a column/);
  });

  it('builds the same guarantee from values as from the row object, with the same keys whatever was selected', () => {
    const scope = new Scope(viewer(Role.FINANCE));
    const keys = new Set<string>();
    for (const selection of everySelection()) {
      const { columns } = guaranteeJoin(scope, selection);
      const values = valuesOf(columns);
      const view = joinedValues(values, joinedLayout(columns), scope);
      expect(toJoined(Object.fromEntries(columns.map((c, i) => [c, values[i]])) as never, scope)).toEqual(view);
      keys.add(Object.keys(view).join(','));
      expect(view.id).toBe('v:id');
      expect(view.startOn).toBe('v:startOn');
      expect(view.smallAgri).toBe(true);
      expect(view.loanAmount).toBe(selection.guarantee === Tier.FULL ? 'v:loanAmount' : undefined);
      expect(view.institution?.name).toBe(selection.institution === Tier.NONE ? undefined : 'v:i_name');
      expect(view.institution?.level).toBe(selection.institution === Tier.FULL ? 'v:i_level' : undefined);
      expect(view.bank === null).toBe(selection.bank === Tier.NONE);
      expect(view.borrower === null).toBe(selection.borrower === Tier.NONE);
      if (view.borrower) expect(view.borrower).toMatchObject({ id: 'v:borrowerId', name: 'v:br_name', identifier: 'v:br_identifier' });
      // Nothing of the relations' own columns is left on the guarantee.
      expect(Object.keys(view).some((k) => /^(i|b|br)_/.test(k))).toBe(false);
    }
    expect(keys.size).toBe(1);
  });

  it('takes a relation’s id from the guarantee’s key, and reads a relation joined as nulls (hidden by its scope) as null', () => {
    for (const tier of [Tier.NARROW, Tier.FULL]) {
      const selection: PageSelection = { guarantee: Tier.NARROW, institution: tier, bank: tier, borrower: Tier.NONE };
      const { columns } = guaranteeJoin(new Scope(viewer(Role.FINANCE)), selection);
      expect(columns.some((c) => c === 'i_id' || c === 'b_id')).toBe(false);
      const layout = joinedLayout(columns);
      const seen = joinedValues(valuesOf(columns), layout, new Scope(viewer(Role.FINANCE)));
      expect(seen.institution).toMatchObject({ id: 'v:institutionId', name: 'v:i_name' });
      expect(seen.bank).toMatchObject({ id: 'v:bankId', name: 'v:b_name' });
      const hidden = valuesOf(columns).map((v, i) => (/^(i|b)_/.test(columns[i]) ? null : v));
      const view = joinedValues(hidden, layout, new Scope(viewer(Role.FINANCE)));
      expect(view.institution).toBeNull();
      expect(view.bank).toBeNull();
      expect(view.institutionId).toBe('v:institutionId');
    }
  });

  it('masks the identifier unless the viewer may see it, and shares one institution and bank object across rows', () => {
    const { columns } = guaranteeJoin(new Scope(viewer(Role.FINANCE)));
    const layout = joinedLayout(columns);
    const row = (institutionId: string) => {
      const values = valuesOf(columns);
      values[layout.institutionId] = institutionId;
      values[layout.br_identifier] = '371502199001011234';
      return values;
    };
    const own = new Scope(viewer(Role.GUARANTEE_INSTITUTION, { institutionId: INSTITUTION }));
    expect(joinedValues(row(INSTITUTION), layout, own).borrower?.identifier).toBe('371502199001011234');
    expect(joinedValues(row(OTHER_INSTITUTION), layout, own).borrower?.identifier).not.toBe('371502199001011234');
    const shared = { institutions: new Map(), banks: new Map() };
    const [a, b] = [row(INSTITUTION), row(INSTITUTION)].map((values) => joinedValues(values, layout, own, shared));
    expect(a.institution).toBe(b.institution);
    expect(a.bank).toBe(b.bank);
  });
});
