import { formatBusinessNumber } from '@sbiz24/shared';
import { describe, expect, it } from 'vitest';
import { startBanner } from './banner';
import { DEMO_CLAIMABLE_BUSINESSES, DEMO_OWNED_BUSINESSES, DEMO_USERS } from './demo-data';

describe('the start banner', () => {
  const text = startBanner({ url: 'http://127.0.0.1:3000', dataDir: '/tmp/data' }, '1.2');

  it('prints the URL and every demo login', () => {
    expect(text).toContain('http://localhost:3000');
    for (const user of DEMO_USERS) expect(text).toContain(`id: ${user.id}`);
  });

  it('prints no registration number, representative or opening date of any business', () => {
    for (const { profile } of [...DEMO_CLAIMABLE_BUSINESSES, ...DEMO_OWNED_BUSINESSES]) {
      expect(text).not.toContain(profile.brn);
      expect(text).not.toContain(formatBusinessNumber(profile.brn));
      expect(text).not.toContain(profile.openingDate);
      expect(text).not.toContain(profile.tradeName);
    }
    expect(text).not.toMatch(/대표자|개업일/);
  });

  it('says where the claimable test businesses are described', () => {
    expect(text).toContain('docs/local-mode.md');
  });
});
