import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { registerEnumType } from 'type-graphql';

export enum LeadStatus {
  PENDING_REVIEW = 'PENDING_REVIEW',
  DISMISSED = 'DISMISSED',
  CONFIRMED = 'CONFIRMED',
  TRANSFERRED = 'TRANSFERRED',
  INVESTIGATING = 'INVESTIGATING',
  CASE_FILED = 'CASE_FILED',
  CLOSED_NO_CASE = 'CLOSED_NO_CASE',
}

registerEnumType(LeadStatus, {
  name: 'LeadStatus',
  description: '线索状态 (实施意见（十）: 逐笔核查, 移交公安部门)',
  valuesConfig: {
    PENDING_REVIEW: { description: '待核查' },
    DISMISSED: { description: '核查排除' },
    CONFIRMED: { description: '核查属实, 待移交' },
    TRANSFERRED: { description: '已移交公安' },
    INVESTIGATING: { description: '公安核查中' },
    CASE_FILED: { description: '已立案' },
    CLOSED_NO_CASE: { description: '不予立案, 已办结' },
  },
});

export enum LeadDecision {
  CONFIRM = 'CONFIRM',
  DISMISS = 'DISMISS',
}

registerEnumType(LeadDecision, {
  name: 'LeadDecision',
  description: '核查结论',
  valuesConfig: { CONFIRM: { description: '属实' }, DISMISS: { description: '排除' } },
});

/**
 * 恶意逃废债线索. The GraphQL type is a flat projection (lead.types.ts) so that nothing the police
 * may not see is reachable from it: no path leads on to the compensation, guarantee or institution.
 */
@Entity({ name: 'malicious_default_lead' })
export class MaliciousDefaultLead {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'compensation_id', type: 'uuid', unique: true })
  compensationId: string;

  @Index()
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Index()
  @Column({ type: 'varchar', length: 16, default: LeadStatus.PENDING_REVIEW })
  status: LeadStatus;

  @Column({ type: 'text' })
  evidence: string;

  @Column({ name: 'review_note', type: 'text', nullable: true })
  reviewNote: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'reviewed_by', type: 'text', nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'transferred_at', type: 'timestamptz', nullable: true })
  transferredAt: Date | null;

  @Column({ name: 'police_case_number', type: 'text', nullable: true })
  policeCaseNumber: string | null;

  @Column({ name: 'police_note', type: 'text', nullable: true })
  policeNote: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
