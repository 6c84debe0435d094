import { effectiveStatus, loadCatalog, type Program, type Rule } from '@sbiz24/shared';

import { describe, expect, it } from 'vitest';

import {
  compareByDeadlineThenTitle,
  matchesQuery,
  normalizeText,
  ruleAdmitsRegion,
  toSummary,
} from './program-view';

const base = loadCatalog().programs.find((p) => p.id === 'general-stability-fund')!;
const program = (over: Partial<Program>): Program => ({ ...base, ...over });
const region = (op: 'in' | 'notIn', codes: string[]): Rule => ({ type: 'region', op, codes });

describe('program view', () => {
  it('admits a region unless a top-level region condition rules it out', () => {
    const inGyeongbuk: Rule = { type: 'all', rules: [region('in', ['47']), { type: 'smallBusiness' }] };
    expect(ruleAdmitsRegion(inGyeongbuk, '47170')).toBe(true);
    expect(ruleAdmitsRegion(inGyeongbuk, '47')).toBe(true);
    expect(ruleAdmitsRegion(inGyeongbuk, '11440')).toBe(false);
    expect(ruleAdmitsRegion(region('in', ['47170']), '47')).toBe(true);
    expect(ruleAdmitsRegion(region('notIn', ['11']), '11440')).toBe(false);
    expect(ruleAdmitsRegion(region('notIn', ['11440']), '11')).toBe(true);
    const nested: Rule = { type: 'any', rules: [region('in', ['47']), { type: 'smallBusiness' }] };
    expect(ruleAdmitsRegion(nested, '11440')).toBe(true);
  });

  it('places a program tied to a disaster in the areas of its declared disasters (서울 has no wildfire relief)', () => {
    const { programs, disasters } = loadCatalog();
    const wildfire = programs.find((p) => p.id === 'wildfire-relief')!;
    const emergency = programs.find((p) => p.id === 'disaster-emergency-fund')!;
    expect(matchesQuery(wildfire, { region: '11' }, '2026-11-26', disasters)).toBe(false);
    expect(matchesQuery(wildfire, { region: '11440' }, '2026-11-26', disasters)).toBe(false);
    expect(matchesQuery(wildfire, { region: '47' }, '2026-11-26', disasters)).toBe(true);
    expect(matchesQuery(wildfire, { region: '47730' }, '2026-11-26', disasters)).toBe(true);
    expect(matchesQuery(wildfire, { region: '47900' }, '2026-11-26', disasters)).toBe(false); // 예천: rain only
    expect(matchesQuery(emergency, { region: '47900' }, '2026-11-26', disasters)).toBe(true);
    expect(matchesQuery(emergency, { region: '11' }, '2026-11-26', disasters)).toBe(false);
    expect(matchesQuery(base, { region: '11' }, '2026-11-26', disasters)).toBe(true);
  });

  it('shows the status of today: a scheduled program whose window began is open, a past one closed', () => {
    const scheduled = program({ status: 'scheduled', applyStart: '2026-11-20', applyEnd: '2026-12-31' });
    expect(effectiveStatus(scheduled, '2026-11-19')).toBe('scheduled');
    expect(effectiveStatus(scheduled, '2026-11-20')).toBe('open');
    expect(effectiveStatus(program({ status: 'open', applyEnd: '2026-11-25' }), '2026-11-26')).toBe('closed');
  });

  it('counts D-day to the last day and gives null once it has passed or without one', () => {
    expect(toSummary(program({ applyEnd: '2026-12-01' }), '2026-11-26').dDay).toBe(5);
    expect(toSummary(program({ applyEnd: '2026-11-26' }), '2026-11-26').dDay).toBe(0);
    expect(toSummary(program({ applyEnd: '2026-11-25' }), '2026-11-26').dDay).toBeNull();
    expect(toSummary(program({ applyEnd: undefined }), '2026-11-26').dDay).toBeNull();
    expect(toSummary(base, '2026-11-26').agencyName).toBe('소상공인시장진흥공단');
  });

  it('finds Korean text regardless of spaces and case', () => {
    expect(normalizeText(' 일반 경영 Stability ')).toBe('일반경영stability');
    expect(matchesQuery(base, { q: '경영 안정' }, '2026-11-26')).toBe(true);
    expect(matchesQuery(base, { q: '진흥공단' }, '2026-11-26')).toBe(true);
    expect(matchesQuery(base, { q: '산불' }, '2026-11-26')).toBe(false);
  });

  it('filters by open now and closing within N days', () => {
    const p = program({ status: 'open', applyStart: '2026-01-02', applyEnd: '2026-12-01' });
    expect(matchesQuery(p, { openNow: true }, '2026-11-26')).toBe(true);
    expect(matchesQuery(p, { closingWithinDays: 5 }, '2026-11-26')).toBe(true);
    expect(matchesQuery(p, { closingWithinDays: 4 }, '2026-11-26')).toBe(false);
    expect(matchesQuery(program({ status: 'closed' }), { openNow: true }, '2026-11-26')).toBe(false);
  });
});

describe('compareByDeadlineThenTitle', () => {
  it('puts the nearest deadline first, no deadline last, then titles in Korean dictionary order', () => {
    const items = [
      { title: '희망리턴패키지', applyEnd: null },
      { title: '하반기 경영안정자금', applyEnd: '2026-12-31' },
      { title: '가게 환경개선', applyEnd: '2026-12-31' },
      { title: '나들가게 지원', applyEnd: '2026-12-31' },
      { title: '긴급경영안정자금', applyEnd: '2026-03-02' },
      { title: '강소상공인', applyEnd: null },
    ];
    expect(items.sort(compareByDeadlineThenTitle).map((i) => i.title)).toEqual([
      '긴급경영안정자금',
      '가게 환경개선',
      '나들가게 지원',
      '하반기 경영안정자금',
      '강소상공인',
      '희망리턴패키지',
    ]);
  });
});
