import { parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { pageSelection, Tier } from '../../src/modules/guarantee/page/guarantee.selection';

/** The resolve info of the `guarantees` field of a document: its field nodes and fragments. */
function infoOf(document: string): { fieldNodes: FieldNode[]; fragments: Record<string, FragmentDefinitionNode> } {
  const doc = parse(document);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fieldNodes = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === 'Field' && s.name.value === 'guarantees');
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]),
  );
  return { fieldNodes, fragments };
}

const tiers = (document: string) => pageSelection(infoOf(document));

describe('pageSelection: what a guarantees page reads of each part of its rows', () => {
  it('reads the narrow tiers for a list of names, and leaves out relations not selected', () => {
    expect(
      tiers(`{ guarantees { edges { node { id code status institution { name } bank { id name } borrower { name identifier } } } } }`),
    ).toEqual({
      guarantee: Tier.NARROW,
      institution: Tier.NARROW,
      bank: Tier.NARROW,
      borrower: Tier.NARROW,
    });
    expect(tiers(`{ guarantees { totalCount pageInfo { endCursor } edges { cursor node { id } } } }`)).toEqual({
      guarantee: Tier.NARROW,
      institution: Tier.NONE,
      bank: Tier.NONE,
      borrower: Tier.NONE,
    });
  });

  it('reads a whole part as soon as one field outside its narrow tier is selected', () => {
    expect(tiers(`{ guarantees { edges { node { loanAmount institution { name level } borrower { kind } bank { kind } } } } }`)).toEqual({
      guarantee: Tier.FULL,
      institution: Tier.FULL,
      bank: Tier.FULL,
      borrower: Tier.FULL,
    });
    // A relation's own relation (region) needs its key column: the whole part.
    expect(tiers(`{ guarantees { edges { node { borrower { name region { code } } } } } }`).borrower).toBe(Tier.FULL);
  });

  it('sees fields through fragments, inline fragments and aliases, wherever they are spread', () => {
    const document = `
      query { guarantees(first: 5) { edges { ...Edge } } }
      fragment Edge on GuaranteeEdge { node { ... on Guarantee { who: institution { ...Names } } ...More } }
      fragment Names on GuaranteeInstitution { name creditCode }
      fragment More on Guarantee { amount: loanAmount borrower { identifier } }`;
    expect(tiers(document)).toEqual({ guarantee: Tier.FULL, institution: Tier.FULL, bank: Tier.NONE, borrower: Tier.NARROW });
  });

  it('merges the same field asked twice (e.g. under @include), reading what either asks', () => {
    const document = `query ($more: Boolean!) {
      guarantees { edges { node { id } } }
      guarantees { edges { node { bank @include(if: $more) { kind } } } }
    }`;
    expect(tiers(document)).toEqual({ guarantee: Tier.NARROW, institution: Tier.NONE, bank: Tier.FULL, borrower: Tier.NONE });
  });
});
