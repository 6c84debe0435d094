import { ApplicationSettingsSchema } from '@sbiz24/shared/application/settings';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { emptySettingsForm, settingsBody, settingsFormOf } from './application-settings';

describe('rapid payment in the settings form', () => {
  it('is absent until switched on, and round-trips amounts typed with commas', () => {
    expect(settingsBody(emptySettingsForm())).not.toHaveProperty('rapidPayment');
    const form = {
      ...emptySettingsForm(),
      rapid: true,
      rapidAmount: '2,000,000',
      rapidByKind: { fire: '3000000', inventory: '' },
    };
    const body = settingsBody(form);
    expect(body.rapidPayment).toEqual({ amountWon: 2_000_000, byDamageKind: { fire: 3_000_000 } });
    const back = settingsFormOf(z.parse(ApplicationSettingsSchema, body));
    expect(back.rapid).toBe(true);
    expect(back.rapidByKind).toEqual({ fire: '3000000' });
  });

  it('sends text that is not a number as typed, so the server names the field', () => {
    const body = settingsBody({ ...emptySettingsForm(), rapid: true, rapidAmount: 'abc' });
    expect(z.safeParse(ApplicationSettingsSchema, body).success).toBe(false);
  });
});
