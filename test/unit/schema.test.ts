import fs from 'node:fs';
import path from 'node:path';
import { BreakingChangeType, buildSchema, findBreakingChanges, isObjectType, isInputObjectType, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildBareSchema, printHubSchema } from '../../src/app/schema';

const root = path.resolve(__dirname, '..', '..');
// The public contract lives in shared/, beside the project in every session and in CI (.ci/run requires it);
// a newcomer's clone on its own has no shared/ and skips only this comparison.
const contractPath = path.resolve(root, '..', 'shared', 'contract', 'hub.graphql');
const haveContract = fs.existsSync(contractPath) || process.env.HUB_REQUIRE_CONTRACT === '1';

/**
 * The contract's additions of December 2026 (the end of ../shared/contract/hub.graphql) that are not built yet, by the
 * name `findBreakingChanges` reports as removed. Nothing else is tolerated, and an entry that is built must be deleted:
 * the list can only shrink.
 */
const NOT_YET_BUILT: readonly string[] = [];

/** How graphql-js reports a contract type or field the schema lacks. */
function notYet(name: string): string {
  const type = name.includes('.') ? BreakingChangeType.FIELD_REMOVED : BreakingChangeType.TYPE_REMOVED;
  return `${type}: ${name} was removed.`;
}

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema:emit` after changing the API)', () => {
    const committed = fs.readFileSync(path.join(root, 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(printHubSchema());
  });

  it.runIf(haveContract)('keeps the whole public contract: every breaking change fails, but for the allow-listed additions', () => {
    const contract = buildSchema(fs.readFileSync(contractPath, 'utf8'));
    const ours = buildSchema(printHubSchema());
    const breaking = findBreakingChanges(contract, ours).map((c) => `${c.type}: ${c.description}`);
    const allowed = new Set(NOT_YET_BUILT.map(notYet));
    expect(breaking.filter((c) => !allowed.has(c))).toEqual([]);
    // The list only shrinks: an item that is built must leave it, or it would hide the item's later removal.
    expect(NOT_YET_BUILT.filter((name) => !breaking.includes(notYet(name)))).toEqual([]);
  });

  it('describes every type, field, argument and enum value (staff read it in the explorer)', () => {
    const undocumented: string[] = [];
    for (const type of Object.values(buildBareSchema().getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description && !['Query', 'Mutation'].includes(type.name)) undocumented.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : [])
            if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) undocumented.push(`${type.name}.${v.name}`);
    }
    expect(undocumented).toEqual([]);
  });
});
