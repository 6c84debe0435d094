import * as z from 'zod';
import { isIsoDate } from '../dates';
import { findSigungu } from '../reference/regions';
import { DISASTER_KINDS } from '../rules/types';

const isoDate = z.string().refine(isIsoDate, { message: '날짜는 YYYY-MM-DD 형식이어야 합니다.' });

/** A declared disaster: its area (시군구 codes) and period. Disaster-relief rules select disasters by id or kind. */
export const DisasterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, {
      message: '재난 ID는 영문 소문자, 숫자, 하이픈으로 2~64자여야 합니다.',
    }),
    name: z.string().trim().min(1).max(100),
    kind: z.enum(DISASTER_KINDS),
    regionCodes: z
      .array(
        z.string().refine((c) => findSigungu(c) !== undefined, { message: '알 수 없는 시군구 코드입니다.' }),
      )
      .min(1, { message: '피해 지역(시군구)을 하나 이상 선택해야 합니다.' })
      .max(252),
    startDate: isoDate,
    endDate: isoDate,
    /** Special disaster area (특별재난지역) declared. */
    specialArea: z.boolean().default(true),
  })
  .superRefine((d, ctx) => {
    if (d.endDate < d.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: '종료일은 시작일보다 빠를 수 없습니다.' });
  });

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
