import { describe, expect, it } from 'vitest';
import {
  ALIMTALK_MAX_CHARS,
  ALIMTALK_TEMPLATES,
  RAPID_PAYMENT_TEMPLATE,
  renderAlimtalk,
  TemplateError,
  templateVariables,
} from './alimtalk';
import { renderTextMessage } from './message';
import { ALERT_KINDS } from './preferences';

const template = {
  code: 'T1',
  text: '#{상호} 사장님, #{사업명}',
  button: { name: '보기', urlVariable: '링크' },
};

describe('알림톡 templates', () => {
  it('lists the variables, the button URL last', () => {
    expect(templateVariables(template)).toEqual(['상호', '사업명', '링크']);
  });

  it('fills every placeholder and the button', () => {
    expect(
      renderAlimtalk(template, { 상호: '행복분식', 사업명: '희망리턴패키지', 링크: 'https://x/p' }),
    ).toEqual({
      templateCode: 'T1',
      text: '행복분식 사장님, 희망리턴패키지',
      button: { name: '보기', url: 'https://x/p' },
    });
  });

  it('refuses a missing or an unknown variable, which a provider would refuse as not matching the template', () => {
    expect(() => renderAlimtalk(template, { 상호: 'a', 링크: 'b' })).toThrow(TemplateError);
    expect(() => renderAlimtalk(template, { 상호: 'a', 사업명: 'b', 링크: 'c', 금액: 'd' })).toThrow(
      /unknown 금액/,
    );
  });

  it('refuses a text over the provider limit', () => {
    expect(() =>
      renderAlimtalk(template, { 상호: 'a'.repeat(ALIMTALK_MAX_CHARS), 사업명: 'b', 링크: 'c' }),
    ).toThrow(/over/);
  });

  it('renders every registered template from an alert', () => {
    for (const kind of ALERT_KINDS) {
      const rendered = renderTextMessage({
        kind,
        title: '제목',
        body: '본문',
        tradeName: '행복분식',
        programTitle: '긴급경영안정자금',
        applyEnd: '2026-12-03',
        link: 'https://portal/p',
        unsubscribeUrl: 'https://portal/u',
        statusText: '선정',
      });
      expect(rendered.templateCode).toBe(ALIMTALK_TEMPLATES[kind].code);
      expect(rendered.text).toContain('행복분식 사장님');
      expect(rendered.text).not.toMatch(/#\{/);
      expect(rendered.button?.url).toBe('https://portal/p');
    }
  });

  it('sends a rapid-payment notice as its own template, with the amount and a 신청하기 button', () => {
    const alert = {
      kind: 'disaster' as const,
      title: '재난지원금 300만원 신속지급 대상입니다: 집중호우 재난지원금',
      body: '본문',
      tradeName: '행복분식',
      programTitle: '집중호우 재난지원금',
      applyEnd: '2026-12-03',
      link: 'https://portal/my/businesses/1/apply?programs=p',
      unsubscribeUrl: 'https://portal/u',
    };
    const rapid = renderTextMessage({ ...alert, amountWon: 3_000_000 });
    expect(rapid.templateCode).toBe(RAPID_PAYMENT_TEMPLATE.code);
    expect(rapid.text).toContain('행복분식 사장님, 재난지원금 신속지급 대상이 되었습니다.');
    expect(rapid.text).toContain('■ 지급액: 300만원');
    expect(rapid.text).toContain('■ 신청 마감: 2026년 12월 3일(목)');
    expect(rapid.text).not.toMatch(/#\{/);
    expect(rapid.button).toEqual({ name: '신청하기', url: alert.link });
    // Without an amount it is the ordinary disaster template.
    expect(renderTextMessage(alert).templateCode).toBe(ALIMTALK_TEMPLATES.disaster.code);
  });
});
