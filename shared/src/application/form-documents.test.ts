import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../profile/profile';
import { resolveDocuments, sniffFileType } from './documents';
import { checkAnswers, type FormField, prefillAnswers } from './form';
import { ApplicationSettingsSchema } from './settings';

const profile = {
  brn: '1208147521',
  tradeName: '한빛상회',
  representativeName: '김한빛',
  openingDate: '2021-03-02',
  regionCode: '11110',
  ksic: '47',
  employees: 3,
  flags: {},
  priorSupport: [],
  disasterDamage: [{ disasterId: 'flood-2025', confirmedOn: '2025-08-01' }],
} as BusinessProfile;

const fields: FormField[] = [
  { id: 'tradeName', label: '상호', type: 'text', required: true, prefill: 'tradeName' },
  {
    id: 'employees',
    label: '상시근로자 수',
    type: 'number',
    required: true,
    prefill: 'employees',
    min: 0,
    max: 4,
  },
  { id: 'plan', label: '사업 계획', type: 'text', required: true, maxLength: 10 },
  { id: 'channel', label: '판로', type: 'choice', required: false, options: ['온라인', '오프라인'] },
  { id: 'start', label: '시작일', type: 'date', required: false },
];

describe('program forms', () => {
  it('prefills mapped fields from the profile and keeps what the owner typed', () => {
    expect(prefillAnswers(fields, profile, { plan: '온라인 판로', tradeName: '새 상호' })).toEqual({
      tradeName: '새 상호',
      employees: 3,
      plan: '온라인 판로',
    });
  });

  it('is complete when every required field is answered in the right kind', () => {
    expect(checkAnswers(fields, prefillAnswers(fields, profile, { plan: '계획' }))).toEqual([]);
  });

  it('names each missing, ill-typed, out-of-range or unknown answer', () => {
    const issues = checkAnswers(fields, {
      tradeName: '한빛상회',
      employees: 9,
      channel: '방문',
      start: '2026/01/01',
      extra: 'x',
    });
    expect(issues.map((i) => i.fieldId)).toEqual(['extra', 'employees', 'plan', 'channel', 'start']);
    expect(issues.find((i) => i.fieldId === 'plan')?.message).toBe('「사업 계획」 항목을 입력해 주세요.');
    expect(issues.find((i) => i.fieldId === 'employees')?.message).toBe(
      '「상시근로자 수」 값은 4 이하여야 합니다.',
    );
  });

  it('refuses a text answer over the field limit', () => {
    expect(checkAnswers(fields, { tradeName: 'a', employees: 1, plan: '열한 글자가 넘는 계획' })).toEqual([
      { fieldId: 'plan', message: '「사업 계획」 항목은 10자 이하여야 합니다.' },
    ]);
  });

  it('refuses settings with duplicate field ids or a choice without options', () => {
    const bad = ApplicationSettingsSchema.safeParse({
      fields: [
        { id: 'a', label: 'A', type: 'text' },
        { id: 'a', label: 'B', type: 'choice' },
      ],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      '선택형 항목에는 선택지가 필요합니다.',
      '항목 ID가 중복됩니다.',
    ]);
  });
});

describe('documents the portal already holds', () => {
  it('marks the registry record, damage confirmations and tax facts it holds as confirmed', () => {
    const docs = resolveDocuments(
      [
        { id: 'reg', kind: 'business-registration', label: '사업자등록증명', required: true },
        {
          id: 'damage',
          kind: 'damage-confirmation',
          label: '피해사실확인서',
          required: true,
          disasterId: 'flood-2025',
        },
        {
          id: 'other-damage',
          kind: 'damage-confirmation',
          label: '피해사실확인서',
          required: true,
          disasterId: 'fire',
        },
        { id: 'tax', kind: 'tax-facts', label: '부가세 과세표준증명', required: true },
        { id: 'plan', kind: 'upload', label: '사업계획서', required: false },
      ],
      { registryChecked: true, profile },
    );
    expect(docs.map((d) => [d.id, d.state])).toEqual([
      ['reg', 'confirmed'],
      ['damage', 'confirmed'],
      ['other-damage', 'needed'],
      ['tax', 'needed'],
      ['plan', 'needed'],
    ]);
    expect(docs[0]!.source).toBe('사업자 등록 정보(국세청)');
  });

  it('tells PDF, JPEG and PNG from their content, and nothing else', () => {
    expect(sniffFileType(Uint8Array.from([...'%PDF-1.7'].map((c) => c.charCodeAt(0))))).toBe(
      'application/pdf',
    );
    expect(sniffFileType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffFileType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffFileType(Uint8Array.from([...'<html>'].map((c) => c.charCodeAt(0))))).toBeUndefined();
    expect(sniffFileType(new Uint8Array([0x25, 0x50]))).toBeUndefined();
  });
});
