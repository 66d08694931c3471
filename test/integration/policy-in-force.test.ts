import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { countRows, createInstitution } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';
import { codes, gql } from '../support/graphql';

/** R14: a computation for a date before the first parameter version (the policy of 2023-03-29) is bad input, named. */
const EVALUATE = `mutation($input: PerformanceEvaluationInput!) { recordPerformanceEvaluation(input: $input) { id } }`;
const CLAIM = `mutation($institutionId: ID!, $year: Int!) { submitRiskCompensationClaim(institutionId: $institutionId, year: $year) { id } }`;

describe('no parameter version in force', () => {
  it('an evaluation of 2022 is BAD_USER_INPUT on year, and writes nothing', async () => {
    await inRollback(async (m) => {
      const inst = await createInstitution(m);
      const input = { institutionId: inst.id, year: 2022, score: '80', grade: 'GOOD' };
      const result = await gql(m, viewer(Role.SASAC), EVALUATE, { input });
      expect([codes(result), result.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'year']);
      expect(await countRows(m, 'performance_evaluation', 'institution_id = $1', [inst.id])).toBe(0);
    });
  });

  it('a risk-compensation claim for 2022 is BAD_USER_INPUT on year, and writes nothing', async () => {
    await inRollback(async (m) => {
      const inst = await createInstitution(m);
      const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: inst.id });
      const result = await gql(m, owner, CLAIM, { institutionId: inst.id, year: 2022 });
      expect([codes(result), result.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'year']);
      expect(await countRows(m, 'risk_compensation_claim', 'institution_id = $1', [inst.id])).toBe(0);
    });
  });
});
