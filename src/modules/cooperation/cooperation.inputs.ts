import { Field, ID, InputType } from 'type-graphql';
import type { Dec } from '../../platform/lib/decimal';
import { DateScalar, DecimalScalar } from '../../platform/scalars';
import { z } from 'zod';
import { eventDate, fraction, hubId, maturityDate, money, note, whenValid } from '../../platform/validation/schemas';

/** What of a CooperationAgreementInput needs no database, declared once (the service parses it). */
export const agreementSchema = z
  .object({
    bankRiskShare: fraction,
    creditLine: money('zero'),
    signedOn: eventDate,
    expiresOn: maturityDate.nullish().transform((d) => d ?? null),
    exceptionReason: note(2000),
    bankId: hubId('bank'),
  })
  .refine((a) => a.expiresOn === null || a.expiresOn >= a.signedOn, {
    path: ['expiresOn'],
    message: 'may not be before signedOn',
    when: whenValid('signedOn', 'expiresOn'),
  });

@InputType({ description: '签订银担合作协议: an agreement the institution signs with a bank (实施意见（四）（五）).' })
export class CooperationAgreementInput {
  @Field(() => ID, { description: "担保机构 (the signing institution: the caller's own)." })
  institutionId: string;

  @Field(() => ID, { description: '合作银行' })
  bankId: string;

  @Field(() => DecimalScalar, {
    description: '银行分险比例: a fraction in [0, 1]; below the policy minimum (20%) only with an exceptionReason (R5).',
  })
  bankRiskShare: Dec;

  @Field(() => DecimalScalar, {
    description: '授信额度 (yuan, ≥ 0): the in-force amount of guarantees under the agreement may not exceed it (R6).',
  })
  creditLine: Dec;

  @Field(() => Boolean, { description: '“总对总”批量担保业务' })
  batchMode: boolean;

  @Field(() => Boolean, { nullable: true, description: '审批绿色通道 (default false)' })
  greenChannel?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: '例外说明: required when the bank bears less than the policy minimum (“原则上”不低于20%).',
  })
  exceptionReason?: string | null;

  @Field(() => DateScalar, { description: '签订日期' })
  signedOn: string;

  @Field(() => DateScalar, { nullable: true, description: '到期日期 (none: open-ended); not before signedOn.' })
  expiresOn?: string | null;
}
