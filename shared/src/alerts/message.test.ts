import { describe, expect, it } from 'vitest';
import { koreanDateWithWeekday, renderEmail } from './message';

describe('renderEmail', () => {
  const mail = renderEmail({
    kind: 'deadline',
    title: '마감 D-3: 희망리턴패키지 <원스톱>',
    body: '사업장이 신청할 수 있는 「희망리턴패키지」 접수가 3일 후 마감됩니다.',
    tradeName: '행복분식',
    programTitle: '희망리턴패키지',
    applyEnd: '2026-12-06',
    link: 'http://127.0.0.1:3000/programs/hope-return',
    unsubscribeUrl: 'http://127.0.0.1:3000/api/alerts/unsubscribe?token=abc',
  });

  it('names the business, writes the date as Koreans do and links the page', () => {
    expect(mail.subject).toBe('[소상공인24] 마감 D-3: 희망리턴패키지 <원스톱>');
    expect(mail.text).toContain('행복분식 사장님, 안녕하세요.');
    expect(mail.text).toContain('신청 마감: 2026년 12월 6일(일)');
    expect(mail.text).toContain('http://127.0.0.1:3000/programs/hope-return');
  });

  it('ends with a one-click stop for that kind of mail, in the text, the HTML and the headers', () => {
    expect(mail.text).toContain('「신청 마감 안내」 메일을 더 받지 않으려면');
    expect(mail.html).toContain('href="http://127.0.0.1:3000/api/alerts/unsubscribe?token=abc"');
    expect(mail.headers['List-Unsubscribe']).toBe('<http://127.0.0.1:3000/api/alerts/unsubscribe?token=abc>');
    expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });

  it('escapes HTML in what it quotes', () => {
    expect(mail.html).toContain('&lt;원스톱&gt;');
    expect(mail.html).not.toContain('<원스톱>');
  });
});

describe('renderEmail of a rapid-payment notice', () => {
  const content = {
    kind: 'disaster' as const,
    title: '재난지원금 300만원 신속지급 대상입니다: 집중호우 재난지원금',
    body: '행복분식은 「집중호우 재난지원금」 신속지급 대상입니다. 받으실 금액은 300만원입니다.',
    tradeName: '행복분식',
    link: 'http://127.0.0.1:3000/my/businesses/1234567890/apply?programs=flood',
    unsubscribeUrl: 'http://127.0.0.1:3000/api/alerts/unsubscribe?token=abc',
  };

  it('says the amount and links the apply page as 신청하기', () => {
    const mail = renderEmail({ ...content, amountWon: 3_000_000 });
    expect(mail.subject).toBe('[소상공인24] 재난지원금 300만원 신속지급 대상입니다: 집중호우 재난지원금');
    expect(mail.text).toContain('받으실 금액은 300만원입니다.');
    expect(mail.text).toContain(`신청하기: ${content.link}`);
    expect(mail.html).toContain(`<a href="${content.link.replace('&', '&amp;')}">신청하기</a>`);
    expect(mail.text).not.toContain('바로 가기');
  });

  it('keeps 바로 가기 for any other alert', () => {
    const mail = renderEmail(content);
    expect(mail.text).toContain(`바로 가기: ${content.link}`);
    expect(mail.text).not.toContain('신청하기:');
  });
});

describe('koreanDateWithWeekday', () => {
  it('adds the day of the week', () => {
    expect(koreanDateWithWeekday('2026-12-03')).toBe('2026년 12월 3일(목)');
    expect(koreanDateWithWeekday('2027-01-01')).toBe('2027년 1월 1일(금)');
  });
});
