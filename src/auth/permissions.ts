import { GraphQLError } from 'graphql';
import { deny, shield } from 'graphql-shield';
import { ForbiddenError } from '../errors';
import { bankRules } from '../modules/bank/bank.rules';
import { institutionRules } from '../modules/institution/institution.rules';
import { policyRules } from '../modules/policy/policy.rules';
import { regionRules } from '../modules/region/region.rules';
import { taskForceRules } from '../modules/task-force/task-force.rules';

/** Every module's rules, in one place a reviewer reads. Order does not matter; a type may appear once. */
export const MODULE_RULES: ModuleRules[] = [regionRules, institutionRules, bankRules, taskForceRules, policyRules];

/** A module's rules: its Query and Mutation fields, and a rule (or field map) per object type it owns. */
export type ModuleRules = Record<string, unknown>;

type ShieldRules = Parameters<typeof shield>[0];

export function mergeRules(modules: ModuleRules[]): ShieldRules {
  const merged: Record<string, Record<string, unknown> | unknown> = {};
  for (const rules of modules) {
    for (const [type, rule] of Object.entries(rules)) {
      if (type === 'Query' || type === 'Mutation') {
        const fields = (merged[type] ??= {}) as Record<string, unknown>;
        for (const [field, fieldRule] of Object.entries(rule as Record<string, unknown>)) {
          if (field in fields) throw new Error(`two rules for ${type}.${field}`);
          fields[field] = fieldRule;
        }
      } else {
        if (type in merged) throw new Error(`two rules for type ${type}`);
        merged[type] = rule;
      }
    }
  }
  return merged as ShieldRules;
}

/**
 * Deny by default: a field or operation no rule grants is FORBIDDEN. The library's defaults would allow
 * everything and turn every resolver error into "Not Authorised!"; here typed errors pass through.
 */
export function permissions(onUnexpected: (err: unknown) => void) {
  return shield(mergeRules(MODULE_RULES), {
    fallbackRule: deny,
    allowExternalErrors: true,
    fallbackError: (thrown) => {
      if (thrown === null || thrown === undefined) return new ForbiddenError();
      if (thrown instanceof GraphQLError) return thrown;
      onUnexpected(thrown);
      return thrown instanceof Error ? thrown : new Error(String(thrown));
    },
  });
}
