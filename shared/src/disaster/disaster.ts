import * as z from 'zod/mini';
import { IsoDateSchema, SigunguCodeSchema, SLUG_PATTERN } from '../formats';
import { DISASTER_KINDS } from '../rules/types';

const isoDate = IsoDateSchema;

/** A declared disaster: its area (시군구 codes) and period. Disaster-relief rules select disasters by id or kind. */
export const DisasterSchema = z
  .object({
    id: z.string().check(
      z.regex(SLUG_PATTERN, {
        message: '재난 ID는 영문 소문자, 숫자, 하이픈으로 2~64자여야 합니다.',
      }),
    ),
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    /** The name in English, for the English pages and reasons; the id is shown when absent. */
    nameEn: z.optional(z.string().check(z.trim(), z.maxLength(150))),
    kind: z.enum(DISASTER_KINDS),
    regionCodes: z
      .array(SigunguCodeSchema)
      .check(z.minLength(1, { message: '피해 지역(시군구)을 하나 이상 선택해야 합니다.' }), z.maxLength(252)),
    startDate: isoDate,
    endDate: isoDate,
    /** Special disaster area (특별재난지역) declared. */
    specialArea: z._default(z.boolean(), true),
  })
  .check(
    z.superRefine((d, ctx) => {
      if (d.endDate < d.startDate)
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: '종료일은 시작일보다 빠를 수 없습니다.' });
    }),
  );

export type Disaster = z.output<typeof DisasterSchema>;
export type DisasterInput = z.input<typeof DisasterSchema>;

export const DISASTER_KIND_LABELS: Record<Disaster['kind'], string> = {
  'heavy-rain': '집중호우',
  typhoon: '태풍',
  wildfire: '산불',
  earthquake: '지진',
  snow: '대설',
  'infectious-disease': '감염병',
  other: '기타 재난',
};
