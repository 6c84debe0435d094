import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ApplicationSettingsSchema, RAPID_PAYMENT_MAX_WON, rapidPaymentAmount } from './settings';

describe('rapid payment setting', () => {
  it('takes a fixed amount and amounts by damage kind', () => {
    const s = z.parse(ApplicationSettingsSchema, {
      rapidPayment: { amountWon: 2_000_000, byDamageKind: { flooding: 3_000_000 } },
    });
    expect(rapidPaymentAmount(s.rapidPayment!, 'flooding')).toBe(3_000_000);
    expect(rapidPaymentAmount(s.rapidPayment!, 'fire')).toBe(2_000_000);
    expect(rapidPaymentAmount(s.rapidPayment!, undefined)).toBe(2_000_000);
  });

  it('refuses amounts out of range, unknown kinds and unknown keys, naming the field', () => {
    const bad = [
      { amountWon: 0 },
      { amountWon: 1.5 },
      { amountWon: RAPID_PAYMENT_MAX_WON + 1 },
      { amountWon: 1000, byDamageKind: { earthquake: 1000 } },
      { amountWon: 1000, byDamageKind: { fire: -1 } },
      { amountWon: 1000, extra: true },
    ];
    for (const rapidPayment of bad) {
      const r = z.safeParse(ApplicationSettingsSchema, { rapidPayment });
      expect(r.success, JSON.stringify(rapidPayment)).toBe(false);
      expect(r.error!.issues[0]!.path[0]).toBe('rapidPayment');
    }
    const msg = z.safeParse(ApplicationSettingsSchema, { rapidPayment: { amountWon: 0 } }).error!.issues[0]!;
    expect(msg.message).toContain('지급액(amountWon)');
  });
});
