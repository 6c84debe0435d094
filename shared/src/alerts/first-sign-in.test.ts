import { describe, expect, it } from 'vitest';
import { countByKind, firstSignInSummaryText, totalOf } from './first-sign-in';

describe('the first sign-in summary text', () => {
  it('names each kind with its count, in a fixed order, in 합니다체', () => {
    const text = firstSignInSummaryText({ deadline: 3, 'new-match': 12 });
    expect(text.title).toBe('가입 전 소식 15건을 모았습니다');
    expect(text.body).toBe(
      '가입 전에 새로 맞는 지원사업 12건, 마감이 다가오는 지원사업 3건이 있습니다. 내 사업장에서 맞는 지원사업을 확인해 보세요.',
    );
  });

  it('leaves out kinds with none and writes thousands with a separator', () => {
    const text = firstSignInSummaryText({ disaster: 1, 'new-match': 0, system: 1_200 });
    expect(text.body).toContain('재난지원 안내 1건, 안내 1,200건이 있습니다.');
    expect(text.body).not.toContain('새로 맞는');
    expect(text.title).toBe('가입 전 소식 1,201건을 모았습니다');
  });

  it('counts notifications by kind', () => {
    const counts = countByKind([{ kind: 'new-match' }, { kind: 'deadline' }, { kind: 'new-match' }]);
    expect(counts).toEqual({ 'new-match': 2, deadline: 1 });
    expect(totalOf(counts)).toBe(3);
  });
});
