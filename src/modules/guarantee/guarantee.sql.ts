import type { GuaranteeKind, GuaranteeStatus } from './guarantee.entity';

/**
 * A guarantee as plain row data (camelCase, numerics as their exact text, dates as 'YYYY-MM-DD'): what the
 * hot `guarantees` page and every write return. Hydrating TypeORM entities costs more than the query
 * (STACK.md); the GraphQL fields read these properties directly, like an entity's.
 */
export interface GuaranteeRecord {
  id: string;
  code: string;
  institutionId: string;
  bankId: string;
  agreementId: string | null;
  borrowerId: string;
  regionId: string;
  kind: GuaranteeKind;
  loanAmount: string;
  guaranteedAmount: string;
  feeRate: string;
  bankRiskShare: string;
  startOn: string;
  endOn: string;
  status: GuaranteeStatus;
  releasedOn: string | null;
  smallAgri: boolean;
  compensatedAmount: string;
}

/** The select list of a GuaranteeRecord over the alias `g`. */
export const GUARANTEE_COLUMNS = `g.id, g.code, g.institution_id AS "institutionId", g.bank_id AS "bankId", g.agreement_id AS "agreementId",
  g.borrower_id AS "borrowerId", g.region_id AS "regionId", g.kind, g.loan_amount AS "loanAmount", g.guaranteed_amount AS "guaranteedAmount",
  g.fee_rate AS "feeRate", g.bank_risk_share AS "bankRiskShare", g.start_on AS "startOn", g.end_on AS "endOn", g.status,
  g.released_on AS "releasedOn", g.small_agri AS "smallAgri", g.compensated_amount AS "compensatedAmount"`;
