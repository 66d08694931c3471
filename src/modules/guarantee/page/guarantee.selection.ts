import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * How much of each part of a page's rows the query reads: NONE (not selected: its join is left out), NARROW (only
 * the fields of NARROW below) or FULL. Three tiers rather than the exact fields, so a page's SQL takes a bounded
 * number of shapes (3 × 3 × 3 × 2 per filter), each a prepared statement on every pooled connection; any field
 * the tiers do not know reads the whole part, so a new field is served before anyone tunes it.
 */
export enum Tier {
  NONE = 0,
  NARROW = 1,
  FULL = 2,
}

export interface PageSelection {
  /** The guarantee's own columns: NARROW or FULL (its keys are always read: cursor, relations, identity). */
  guarantee: Tier.NARROW | Tier.FULL;
  institution: Tier;
  bank: Tier;
  borrower: Tier;
}

export const FULL_SELECTION: PageSelection = { guarantee: Tier.FULL, institution: Tier.FULL, bank: Tier.FULL, borrower: Tier.FULL };

/** The fields each part's NARROW tier serves; `__typename` and Guarantee.compensations (by id) need no column. */
const NARROW = {
  guarantee: new Set([
    '__typename',
    'id',
    'code',
    'kind',
    'guaranteedAmount',
    'feeRate',
    'startOn',
    'endOn',
    'status',
    'smallAgri',
    'compensations',
  ]),
  institution: new Set(['__typename', 'id', 'name']),
  bank: new Set(['__typename', 'id', 'name']),
  borrower: new Set(['__typename', 'id', 'name', 'identifier']),
};

const RELATIONS = ['institution', 'bank', 'borrower'] as const;

const cache = new WeakMap<FieldNode, PageSelection>();

/**
 * What the `guarantees` field being resolved reads of `edges { node { … } }`, fragments and aliases included
 * (@skip/@include are not evaluated: a field that might be read is read). Documents are parsed once and reused
 * (Apollo's document store), so the answer is cached per field node.
 */
export function pageSelection(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): PageSelection {
  const key = info.fieldNodes[0];
  const known = info.fieldNodes.length === 1 ? cache.get(key) : undefined;
  if (known) return known;
  const within = (sets: SelectionSetNode[], name: string) => subSets(sets.flatMap((set) => collect(set, info.fragments, name)));
  const roots = info.fieldNodes.map((f) => f.selectionSet).filter((s): s is SelectionSetNode => !!s);
  /** The selection sets of `edges { node { … } }`. */
  const nodes = within(within(roots, 'edges'), 'node');
  const names = new Set(nodes.flatMap((set) => collect(set, info.fragments)).map((f) => f.name.value));
  const selection: PageSelection = {
    guarantee: [...names].every((n) => NARROW.guarantee.has(n) || (RELATIONS as readonly string[]).includes(n)) ? Tier.NARROW : Tier.FULL,
    institution: tier(nodes, info.fragments, 'institution'),
    bank: tier(nodes, info.fragments, 'bank'),
    borrower: tier(nodes, info.fragments, 'borrower'),
  };
  if (info.fieldNodes.length === 1) cache.set(key, selection);
  return selection;
}

function tier(nodes: SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>, relation: (typeof RELATIONS)[number]): Tier {
  const selections = nodes.flatMap((set) => collect(set, fragments, relation));
  if (selections.length === 0) return Tier.NONE;
  const names = subSets(selections).flatMap((set) => collect(set, fragments).map((f) => f.name.value));
  return names.every((n) => NARROW[relation].has(n)) ? Tier.NARROW : Tier.FULL;
}

function subSets(fields: FieldNode[]): SelectionSetNode[] {
  return fields.map((f) => f.selectionSet).filter((s): s is SelectionSetNode => !!s);
}

/** The fields of a selection set (named `name`, if given), through inline fragments and fragment spreads. */
function collect(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  name?: string,
  seen = new Set<string>(),
): FieldNode[] {
  const out: FieldNode[] = [];
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (name === undefined || s.name.value === name) out.push(s);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      out.push(...collect(s.selectionSet, fragments, name, seen));
    } else if (!seen.has(s.name.value) && fragments[s.name.value]) {
      seen.add(s.name.value);
      out.push(...collect(fragments[s.name.value].selectionSet, fragments, name, seen));
    }
  }
  return out;
}
