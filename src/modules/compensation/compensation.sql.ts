import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { isUuid } from '../../platform/lib/ids';
import { GUARANTEE_COLUMNS, type GuaranteeRecord } from '../guarantee/guarantee.sql';
import { queryRows } from '../../platform/db/sql';

/**
 * A compensation as plain row data (camelCase, money as exact text), what the GraphQL Compensation
 * fields read: no entity hydration on lists of guarantees with their compensations (STACK.md).
 */
export interface CompensationRecord {
  id: string;
  guaranteeId: string;
  institutionId: string;
  amount: string;
  paidOn: string;
  recoveredAmount: string;
  suspectedMalicious: boolean;
}

export const COMPENSATION_COLUMNS = `c.id, c.guarantee_id AS "guaranteeId", c.institution_id AS "institutionId", c.amount, c.paid_on AS "paidOn",
  c.recovered_amount AS "recoveredAmount", c.suspected_malicious AS "suspectedMalicious"`;

/** One compensation the viewer may read (scope.compensations), or null. */
export async function findCompensation(manager: EntityManager, scope: Scope, id: string): Promise<CompensationRecord | null> {
  const scoped = scope.compensations('c');
  const [row] = await queryRows<CompensationRecord>(
    manager,
    `SELECT ${COMPENSATION_COLUMNS} FROM compensation c WHERE c.id = :id AND ${scoped.sql}`,
    { ...scoped.params, id },
  );
  return row ?? null;
}

/** The compensations of each guarantee the viewer may read (scope.compensations), oldest first: one query for a page of guarantees. */
export function compensationsByGuaranteeLoader(manager: EntityManager, scope: Scope): DataLoader<string, CompensationRecord[]> {
  return new DataLoader<string, CompensationRecord[]>(async (guaranteeIds) => {
    const valid = guaranteeIds.filter(isUuid);
    const byGuarantee = new Map<string, CompensationRecord[]>();
    if (valid.length) {
      const scoped = scope.compensations('c');
      const rows = await queryRows<CompensationRecord>(
        manager,
        `SELECT ${COMPENSATION_COLUMNS} FROM compensation c WHERE c.guarantee_id = ANY(:guaranteeIds) AND ${scoped.sql} ORDER BY c.paid_on, c.created_at, c.id`,
        { ...scoped.params, guaranteeIds: valid },
      );
      for (const row of rows) {
        const list = byGuarantee.get(row.guaranteeId);
        if (list) list.push(row);
        else byGuarantee.set(row.guaranteeId, [row]);
      }
    }
    return guaranteeIds.map((id) => byGuarantee.get(id) ?? []);
  });
}

/** Guarantees by id as the viewer may read them (scope.guarantees); null outside it. Used by Compensation.guarantee. */
export function guaranteeByIdLoader(manager: EntityManager, scope: Scope): DataLoader<string, GuaranteeRecord | null> {
  return new DataLoader<string, GuaranteeRecord | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    const scoped = scope.guarantees('g');
    const rows = valid.length
      ? await queryRows<GuaranteeRecord>(manager, `SELECT ${GUARANTEE_COLUMNS} FROM guarantee g WHERE g.id = ANY(:ids) AND ${scoped.sql}`, {
          ...scoped.params,
          ids: valid,
        })
      : [];
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}
