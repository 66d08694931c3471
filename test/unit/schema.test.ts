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

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema:emit` after changing the API)', () => {
    const committed = fs.readFileSync(path.join(root, 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(printHubSchema());
  });

  it.runIf(haveContract)("contradicts nothing in the public contract: what it declares keeps the contract's names and types", () => {
    const contract = buildSchema(fs.readFileSync(contractPath, 'utf8'));
    const ours = buildSchema(printHubSchema());
    // Only "not there yet" is tolerated: a missing type, field or argument is listed by contract-check.mjs.
    const notYet = new Set<string>([BreakingChangeType.TYPE_REMOVED, BreakingChangeType.FIELD_REMOVED, BreakingChangeType.ARG_REMOVED]);
    const contradictions = findBreakingChanges(contract, ours).filter((c) => !notYet.has(c.type));
    expect(contradictions).toEqual([]);
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
