import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { isUuid } from '../../platform/lib/ids';
import { Repository } from '../../platform/db/repository';
import { GuaranteeRepo } from '../guarantee/guarantee.repo';
import { toJoined, type GuaranteeView } from '../guarantee/page/guarantee.joined';

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

/** A compensation as its recovery locks it. */
export interface LockedCompensation {
  id: string;
  institutionId: string;
  amount: string;
  recoveredAmount: string;
  paidOn: string;
}

/** compensation and recovery: 代偿 and 追偿. */
export class CompensationRepo extends Repository {
  /** One compensation in scope (scope.compensations), or undefined. */
  find(scope: Scope, id: string): Promise<CompensationRecord | undefined> {
    const scoped = scope.compensations('c');
    return this.first<CompensationRecord>(`SELECT ${COMPENSATION_COLUMNS} FROM compensation c WHERE c.id = :id AND ${scoped.sql}`, {
      ...scoped.params,
      id,
    });
  }

  /** The compensations in scope of the given guarantees (ids checked), oldest first: one query for a page of guarantees. */
  byGuarantees(scope: Scope, guaranteeIds: readonly string[]): Promise<CompensationRecord[]> {
    const scoped = scope.compensations('c');
    return this.rows<CompensationRecord>(
      `SELECT ${COMPENSATION_COLUMNS} FROM compensation c WHERE c.guarantee_id = ANY(:guaranteeIds) AND ${scoped.sql} ORDER BY c.paid_on, c.created_at, c.id`,
      { ...scoped.params, guaranteeIds: [...guaranteeIds] },
    );
  }

  /** One compensation in scope, locked FOR UPDATE until the caller's transaction ends. */
  lock(scope: Scope, id: string): Promise<LockedCompensation | undefined> {
    const scoped = scope.compensations('c');
    return this.first<LockedCompensation>(
      `SELECT c.id, c.institution_id AS "institutionId", c.amount, c.recovered_amount AS "recoveredAmount", c.paid_on AS "paidOn"
         FROM compensation c WHERE c.id = :id AND ${scoped.sql} FOR UPDATE`,
      { ...scoped.params, id },
    );
  }

  async insert(c: {
    guaranteeId: string;
    institutionId: string;
    amount: string;
    paidOn: string;
    suspectedMalicious: boolean;
    evidence: string | null;
  }): Promise<string> {
    const [{ id }] = await this.manager.query(
      `INSERT INTO compensation (guarantee_id, institution_id, amount, paid_on, suspected_malicious, evidence) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [c.guaranteeId, c.institutionId, c.amount, c.paidOn, c.suspectedMalicious, c.evidence],
    );
    return id;
  }

  /** 追偿: a recovery, and the compensation's recovered amount (the caller holds its row lock). */
  async addRecovery(compensationId: string, amount: string, recoveredOn: string): Promise<void> {
    await this.manager.query(`INSERT INTO recovery (compensation_id, amount, recovered_on) VALUES ($1, $2, $3)`, [
      compensationId,
      amount,
      recoveredOn,
    ]);
    await this.manager.query(`UPDATE compensation SET recovered_amount = recovered_amount + $2 WHERE id = $1`, [compensationId, amount]);
  }
}

/** The compensations of each guarantee the viewer may read (scope.compensations), oldest first: one query for a page of guarantees. */
export function compensationsByGuaranteeLoader(manager: EntityManager, scope: Scope): DataLoader<string, CompensationRecord[]> {
  return new DataLoader<string, CompensationRecord[]>(async (guaranteeIds) => {
    const valid = guaranteeIds.filter(isUuid);
    const byGuarantee = new Map<string, CompensationRecord[]>();
    for (const row of valid.length ? await new CompensationRepo(manager).byGuarantees(scope, valid) : []) {
      const list = byGuarantee.get(row.guaranteeId);
      if (list) list.push(row);
      else byGuarantee.set(row.guaranteeId, [row]);
    }
    return guaranteeIds.map((id) => byGuarantee.get(id) ?? []);
  });
}

/** Guarantees by id as the viewer may read them (scope.guarantees); null outside it. Used by Compensation.guarantee. */
export function guaranteeByIdLoader(manager: EntityManager, scope: Scope): DataLoader<string, GuaranteeView | null> {
  return new DataLoader<string, GuaranteeView | null>(async (ids) => {
    const shared = { institutions: new Map(), banks: new Map() };
    const rows = await new GuaranteeRepo(manager).byIds(scope, ids);
    const found = new Map(rows.map((row) => [row.id, toJoined(row, scope, shared)]));
    return ids.map((id) => found.get(id) ?? null);
  });
}
