import { describe, expect, it } from 'vitest';
import {
  ApplyRequestSchema,
  BulkDecisionRequestSchema,
  DecisionRequestSchema,
  StaffQueueQuerySchema,
} from './schemas';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues.map((i) => i.message) ?? [];

describe('application request schemas', () => {
  it('takes a 통합신청 of several programs with answers and an idempotency key', () => {
    const ok = ApplyRequestSchema.safeParse({
      programIds: ['a-fund', 'b-support'],
      answers: { 'a-fund': { plan: '계획', employees: 3 } },
      idempotencyKey: 'key-12345678',
    });
    expect(ok.success).toBe(true);
  });

  it('refuses duplicates, too many programs, answers for others, and a missing key, naming the field', () => {
    const ids = Array.from({ length: 11 }, (_, i) => `p-${i}`);
    expect(
      messages(ApplyRequestSchema.safeParse({ programIds: ids, idempotencyKey: 'k'.repeat(8) })),
    ).toEqual(['한 번에 10개 사업까지 신청할 수 있습니다.']);
    expect(
      messages(ApplyRequestSchema.safeParse({ programIds: ['a-1', 'a-1'], idempotencyKey: 'k'.repeat(8) })),
    ).toEqual(['같은 사업(programIds)이 두 번 들어 있습니다.']);
    expect(
      messages(
        ApplyRequestSchema.safeParse({
          programIds: ['a-1'],
          answers: { 'b-2': {} },
          idempotencyKey: 'k'.repeat(8),
        }),
      ),
    ).toEqual(['신청하지 않는 사업의 답변(answers)입니다.']);
    expect(messages(ApplyRequestSchema.safeParse({ programIds: ['a-1'] }))).toEqual([
      '중복 방지 키(idempotencyKey)가 필요합니다.',
    ]);
    expect(
      ApplyRequestSchema.safeParse({ programIds: ['a-1'], idempotencyKey: 'k'.repeat(8), extra: 1 }).success,
    ).toBe(false);
  });

  it('needs a reason to reject or ask for a supplement, and an amount (only) to approve', () => {
    expect(messages(DecisionRequestSchema.safeParse({ version: 1, action: 'reject' }))).toEqual([
      '미선정 사유(message)를 입력해 주세요.',
    ]);
    expect(
      messages(DecisionRequestSchema.safeParse({ version: 1, action: 'request-supplement', message: ' ' })),
    ).toEqual(['보완 요청 내용(message)을 입력해 주세요.']);
    expect(messages(DecisionRequestSchema.safeParse({ version: 1, action: 'approve' }))).toEqual([
      '선정 금액(amount)을 입력해 주세요.',
    ]);
    expect(
      messages(DecisionRequestSchema.safeParse({ version: 1, action: 'start-review', amount: 5 })),
    ).toEqual(['금액(amount)은 선정할 때만 입력합니다.']);
    expect(
      DecisionRequestSchema.safeParse({ version: 2, action: 'approve', amount: 3_000_000 }).success,
    ).toBe(true);
    expect(DecisionRequestSchema.safeParse({ version: 2, action: 'pay' }).success).toBe(true);
    expect(DecisionRequestSchema.safeParse({ version: 2, action: 'pay', amount: 1 }).success).toBe(false);
    expect(DecisionRequestSchema.safeParse({ version: 2, action: 'withdraw' }).success).toBe(false);
  });

  it('limits a bulk decision to 500 distinct ids', () => {
    const ids = Array.from({ length: 501 }, (_, i) => `app${String(i).padStart(16, '0')}`);
    expect(messages(BulkDecisionRequestSchema.safeParse({ ids, action: 'start-review' }))).toEqual([
      '한 번에 500건까지 처리할 수 있습니다.',
    ]);
    expect(
      BulkDecisionRequestSchema.safeParse({ ids: ids.slice(0, 2), action: 'start-review' }).success,
    ).toBe(true);
  });

  it('checks the staff queue filters', () => {
    expect(
      StaffQueueQuerySchema.safeParse({ programId: 'a-1', status: 'in-review', sido: '11', stage: 'growth' })
        .success,
    ).toBe(true);
    expect(messages(StaffQueueQuerySchema.safeParse({ programId: 'a-1', sido: '서울' }))).toEqual([
      '시도(sido)는 두 자리 코드여야 합니다.',
    ]);
  });
});
