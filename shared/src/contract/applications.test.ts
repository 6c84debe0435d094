import { describe, expect, it } from 'vitest';
import {
  AddSupportRequestSchema,
  ApplicationFormQuerySchema,
  ApplyRequestSchema,
  CreateUploadRequestSchema,
  CsvExportQuerySchema,
  SupplementRequestSchema,
} from './applications';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues.map((i) => i.message) ?? [];

describe('applications contract (zod/mini)', () => {
  it('takes file answers by upload id only, never client-made metadata', () => {
    const base = { programIds: ['a-fund'], idempotencyKey: 'key-12345678' };
    expect(
      ApplyRequestSchema.safeParse({ ...base, answers: { 'a-fund': { plan: { fileId: 'file-1234' } } } })
        .success,
    ).toBe(true);
    expect(
      ApplyRequestSchema.safeParse({
        ...base,
        answers: { 'a-fund': { plan: { id: 'file-1234', name: 'a.pdf', type: 'application/pdf', size: 1 } } },
      }).success,
    ).toBe(false);
  });

  it('limits an upload to PDF, JPG or PNG of at most 10 MB, naming the field', () => {
    expect(
      CreateUploadRequestSchema.safeParse({ name: '계획서.pdf', type: 'application/pdf', size: 1 }).success,
    ).toBe(true);
    expect(
      messages(
        CreateUploadRequestSchema.safeParse({
          name: 'a.pdf',
          type: 'application/pdf',
          size: 10 * 1024 * 1024 + 1,
        }),
      ),
    ).toEqual(['파일(size)은 10MB 이하여야 합니다.']);
    expect(
      messages(CreateUploadRequestSchema.safeParse({ name: 'a.gif', type: 'image/gif', size: 5 })),
    ).toEqual(['파일 형식(type)은 PDF, JPG, PNG 중 하나여야 합니다.']);
    expect(
      messages(CreateUploadRequestSchema.safeParse({ name: '   ', type: 'image/png', size: 5 })),
    ).toEqual(['파일 이름(name)을 입력해 주세요.']);
  });

  it('needs a message to respond to a supplement request and at most 10 distinct files', () => {
    expect(messages(SupplementRequestSchema.safeParse({ version: 2, message: '  ' }))).toEqual([
      '보완 내용(message)을 입력해 주세요.',
    ]);
    const files = Array.from({ length: 11 }, (_, i) => `file-000${i}`);
    expect(messages(SupplementRequestSchema.safeParse({ version: 2, message: '냈습니다', files }))).toEqual([
      '파일(files)은 10개까지 첨부할 수 있습니다.',
    ]);
    expect(SupplementRequestSchema.safeParse({ version: 2, message: 'x'.repeat(1001) }).success).toBe(false);
  });

  it('reads the form query as up to 10 comma-separated program ids', () => {
    expect(ApplicationFormQuerySchema.safeParse({ programIds: 'a-fund,b-support' }).success).toBe(true);
    const eleven = Array.from({ length: 11 }, (_, i) => `p-${i}`).join(',');
    expect(ApplicationFormQuerySchema.safeParse({ programIds: eleven }).success).toBe(false);
    expect(ApplicationFormQuerySchema.safeParse({ programIds: 'a-fund,,b' }).success).toBe(false);
  });

  it('bounds self-reported support years and refuses unknown CSV filters', () => {
    expect(messages(AddSupportRequestSchema.safeParse({ version: 1, programId: 'x', year: 1980 }))).toEqual([
      '연도(year)는 1990년 이후여야 합니다.',
    ]);
    expect(CsvExportQuerySchema.safeParse({ status: 'approved', colour: 'red' }).success).toBe(false);
  });
});
