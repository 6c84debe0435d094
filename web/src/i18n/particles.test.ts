import { describe, expect, it } from 'vitest';
import { initI18n } from './i18n';
import ko from './ko';

describe('Korean particles in UI text', () => {
  it('leaves no "이(가)", "을(를)" or "(으)로" in any message', () => {
    const all = JSON.stringify(ko);
    expect(all).not.toMatch(/이\(가\)|을\(를\)|은\(는\)|\(으\)로|와\(과\)/);
  });

  it('chooses the particle from the final sound of the word', async () => {
    const i18n = await initI18n('ko');
    expect(i18n.t('owner.noMatches', { kind: '재난지원금' })).toBe(
      '지금 받을 수 있는 재난지원금이 없습니다.',
    );
    expect(i18n.t('owner.noMatches', { kind: '정책자금' })).toBe('지금 받을 수 있는 정책자금이 없습니다.');
    expect(i18n.t('owner.noMatches', { kind: '지원사업' })).toBe('지금 받을 수 있는 지원사업이 없습니다.');
    expect(i18n.t('owner.noMatches', { kind: '바우처' })).toBe('지금 받을 수 있는 바우처가 없습니다.');
  });
});
