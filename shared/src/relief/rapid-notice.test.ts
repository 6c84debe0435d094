import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ApplicationSettingsSchema, latestDamageKind, rapidPaymentAmount } from '../application/settings';
import { rapidNoticeText } from './rapid-notice';

const rapid = z.parse(ApplicationSettingsSchema, {
  rapidPayment: { amountWon: 3_000_000, byDamageKind: { flooding: 5_000_000, fire: 12_500_000 } },
}).rapidPayment!;

const damage = (kind?: 'flooding' | 'fire', confirmedOn = '2026-07-20') => ({
  disasterId: 'd-1',
  confirmedOn,
  ...(kind ? { kind } : {}),
});

describe('rapid-payment notice', () => {
  it('says the fixed amount as 300만원, that one step is enough, and the deadline as a Korean date', () => {
    const amountWon = rapidPaymentAmount(rapid, latestDamageKind({ disasterDamage: [damage()] }));
    const { title, body } = rapidNoticeText(
      {
        programTitle: '집중호우 소상공인 재난지원금',
        amountWon,
        tradeName: '행복분식',
        applyEnd: '2026-08-31',
      },
      'ko',
    );
    expect(title).toBe('재난지원금 300만원 신속지급 대상입니다: 집중호우 소상공인 재난지원금');
    expect(body).toBe(
      "행복분식은 「집중호우 소상공인 재난지원금」 신속지급 대상입니다. 받으실 금액은 300만원입니다. '신청하기'에서 입금받을 계좌만 입력하시면 한 번에 신청이 끝납니다. 신청 마감일은 2026년 8월 31일입니다.",
    );
  });

  it("says the amount for the business's latest damage kind when the program pays by kind", () => {
    const latestFire = { disasterDamage: [damage('flooding', '2026-07-01'), damage('fire', '2026-07-15')] };
    const latestFlooding = {
      disasterDamage: [damage('fire', '2026-07-01'), damage('flooding', '2026-07-15')],
    };
    const fire = rapidNoticeText(
      { programTitle: 'P', amountWon: rapidPaymentAmount(rapid, latestDamageKind(latestFire)) },
      'ko',
    );
    const flooding = rapidNoticeText(
      { programTitle: 'P', amountWon: rapidPaymentAmount(rapid, latestDamageKind(latestFlooding)) },
      'ko',
    );
    expect(fire.title).toContain('1,250만원');
    expect(fire.body).toContain('받으실 금액은 1,250만원입니다.');
    expect(flooding.body).toContain('받으실 금액은 500만원입니다.');
    // Amounts in 억 read as the house formatter writes them.
    expect(rapidNoticeText({ programTitle: 'P', amountWon: 320_000_000 }, 'ko').body).toContain(
      '3억 2,000만원',
    );
  });

  it('picks the particle by the final sound of the trade name, and says 사업장 without one', () => {
    const body = (tradeName?: string) =>
      rapidNoticeText({ programTitle: 'P', amountWon: 1, ...(tradeName ? { tradeName } : {}) }, 'ko').body;
    expect(body('행복분식')).toMatch(/^행복분식은 /);
    expect(body('카페 모아')).toMatch(/^카페 모아는 /);
    expect(body('GS25')).toMatch(/^GS25는 /);
    expect(body('마트 L')).toMatch(/^마트 L은 /);
    expect(body()).toMatch(/^사업장은 /);
    expect(body('행복분식')).not.toContain('이(가)');
    expect(rapidNoticeText({ programTitle: 'P', amountWon: 1 }, 'ko').body).not.toContain('마감일');
  });

  it('has a complete English text with the amount in KRW and the one step', () => {
    const { title, body } = rapidNoticeText(
      {
        programTitle: 'Flood relief',
        amountWon: 5_000_000,
        tradeName: 'Happy Diner',
        applyEnd: '2026-08-31',
      },
      'en',
    );
    expect(title).toBe('Rapid payment of KRW 5 million: Flood relief');
    expect(body).toContain('Happy Diner is eligible for the rapid payment of “Flood relief”');
    expect(body).toContain('you will receive KRW 5 million');
    expect(body).toContain('choose “Apply” and enter the bank account');
    expect(body).toContain('Applications close on 2026-08-31.');
    expect(body).not.toMatch(/[가-힣]/);
  });
});
