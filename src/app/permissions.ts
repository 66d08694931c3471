import { GraphQLError, type GraphQLSchema } from 'graphql';
import { middleware, type IMiddlewareTypeMap } from 'graphql-middleware';
import { allow, deny, shield } from 'graphql-shield';
import { ForbiddenError, toClientError, toGraphQLError } from '../platform/errors';
import { auditRules } from '../modules/audit/audit.rules';
import { capitalRules } from '../modules/capital/capital.rules';
import { oversightRules } from '../modules/oversight/oversight.rules';
import { scorecardRules } from '../modules/scorecard/scorecard.rules';
import { warningRules } from '../modules/warning/warning.rules';
import { evaluationRules } from '../modules/evaluation/evaluation.rules';
import { bankRules } from '../modules/bank/bank.rules';
import { borrowerRules } from '../modules/borrower/borrower.rules';
import { cooperationRules } from '../modules/cooperation/cooperation.rules';
import { dashboardRules } from '../modules/dashboard/dashboard.rules';
import { guaranteeRules } from '../modules/guarantee/guarantee.rules';
import { compensationRules } from '../modules/compensation/compensation.rules';
import { institutionRules } from '../modules/institution/institution.rules';
import { leadRules } from '../modules/lead/lead.rules';
import { policyRules } from '../modules/policy/policy.rules';
import { riskCompensationRules } from '../modules/risk-compensation/risk-compensation.rules';
import { feeSubsidyRules } from '../modules/fee-subsidy/fee-subsidy.rules';
import { regionRules } from '../modules/region/region.rules';
import { taskForceRules } from '../modules/task-force/task-force.rules';
import { reportRules } from '../modules/report/report.rules';
import { userRules } from '../modules/user/user.rules';

/** Every module's rules, in one place a reviewer reads. Order does not matter; a type may appear once (or
 * several times with the very same rule, for shared types such as PageInfo). */
export const MODULE_RULES: ModuleRules[] = [
  userRules,
  auditRules,
  regionRules,
  institutionRules,
  bankRules,
  taskForceRules,
  policyRules,
  compensationRules,
  leadRules,
  cooperationRules,
  guaranteeRules,
  borrowerRules,
  capitalRules,
  oversightRules,
  scorecardRules,
  warningRules,
  evaluationRules,
  reportRules,
  dashboardRules,
  riskCompensationRules,
  feeSubsidyRules,
];

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
        // Shared types (PageInfo) may be declared by several modules, with the very same rule.
        if (type in merged && merged[type] !== rule) throw new Error(`two different rules for type ${type}`);
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
  const rules = mergeRules(MODULE_RULES);
  const guarded = shield(rules, {
    fallbackRule: deny,
    allowExternalErrors: true,
    fallbackError: (thrown) => {
      if (thrown === null || thrown === undefined) return toGraphQLError(new ForbiddenError());
      // Domain errors and known codes become GraphQL errors here, as in formatError (platform/errors.ts).
      const known = toClientError(thrown);
      if (known) return known;
      if (thrown instanceof GraphQLError) return thrown;
      onUnexpected(thrown);
      return thrown instanceof Error ? thrown : new Error(String(thrown));
    },
  });
  // Shield wraps every field it is given in an async rule check (STACK.md: −27% throughput). A field whose
  // rule is `allow` needs none: leave it unwrapped. Deny by default still holds, since only fields with an
  // explicit `allow` are dropped; everything else keeps its rule or the fallback.
  return middleware((schema: GraphQLSchema) =>
    withoutAllowed(guarded.generate(schema) as IMiddlewareTypeMap, rules as Record<string, unknown>),
  );
}

function withoutAllowed(map: IMiddlewareTypeMap, rules: Record<string, unknown>): IMiddlewareTypeMap {
  const out: IMiddlewareTypeMap = {};
  for (const [type, fields] of Object.entries(map)) {
    const rule = rules[type];
    if (rule === allow) continue;
    const isFieldMap = rule !== null && typeof rule === 'object' && Object.getPrototypeOf(rule) === Object.prototype;
    if (isFieldMap && typeof fields === 'object') {
      // A field's rule is its own entry, else the map's wildcard, else the (deny) fallback.
      const map = rule as Record<string, unknown>;
      const kept = Object.entries(fields).filter(([field]) => (field in map ? map[field] : map['*']) !== allow);
      out[type] = Object.fromEntries(kept);
    } else {
      out[type] = fields;
    }
  }
  return out;
}
