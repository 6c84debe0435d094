import { describe, expect, it } from 'vitest';
import {
  currentDigestSlot,
  groupDigestEntries,
  isoWeekOf,
  nextDigestSlot,
  renderDigestEmail,
} from './digest';

describe('digest times', () => {
  it('is Monday 09:00 Korea time, strictly after the given instant', () => {
    // Thursday 2026-12-03 10:00 KST.
    expect(nextDigestSlot(new Date('2026-12-03T01:00:00Z')).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    // Monday 08:59 KST → the same morning; 09:00 exactly → a week later.
    expect(nextDigestSlot(new Date('2026-12-06T23:59:00Z')).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(nextDigestSlot(new Date('2026-12-07T00:00:00Z')).toISOString()).toBe('2026-12-14T00:00:00.000Z');
    // Sunday 23:30 UTC is already Monday 08:30 in Korea.
    expect(nextDigestSlot(new Date('2026-12-13T23:30:00Z')).toISOString()).toBe('2026-12-14T00:00:00.000Z');
    expect(currentDigestSlot(new Date('2026-12-09T05:00:00Z')).toISOString()).toBe(
      '2026-12-07T00:00:00.000Z',
    );
  });

  it('names ISO weeks by the Korean date, across year ends', () => {
    expect(isoWeekOf(new Date('2026-12-07T00:00:00Z'))).toBe('2026-W50');
    expect(isoWeekOf(new Date('2026-01-01T00:00:00Z'))).toBe('2026-W01');
    // 2027-01-01 is a Friday: ISO week 53 of 2026.
    expect(isoWeekOf(new Date('2027-01-01T03:00:00Z'))).toBe('2026-W53');
    expect(isoWeekOf(new Date('2027-01-04T00:00:00Z'))).toBe('2027-W01');
    // 2024-12-30 (Monday) belongs to 2025-W01.
    expect(isoWeekOf(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
    // Sunday 2026-12-06 20:00 UTC is Monday in Korea.
    expect(isoWeekOf(new Date('2026-12-06T20:00:00Z'))).toBe('2026-W50');
  });
});

describe('renderDigestEmail', () => {
  const entry = (kind: 'new-match' | 'deadline', n: number, tradeName = '행복분식') => ({
    kind,
    title: `제목 ${n}`,
    body: `본문 ${n} <b>`,
    tradeName,
    programTitle: `사업 ${n}`,
    link: `http://p/${n}`,
  });

  it('groups new matches first, each group in the given order', () => {
    const groups = groupDigestEntries([entry('deadline', 1), entry('new-match', 2), entry('new-match', 3)]);
    expect(groups.map((g) => [g.kind, g.entries.map((e) => e.title)])).toEqual([
      ['new-match', ['제목 2', '제목 3']],
      ['deadline', ['제목 1']],
    ]);
  });

  it('names each business when the owner has several, and escapes HTML', () => {
    const mail = renderDigestEmail({
      slot: '2026-12-07T00:00:00.000Z',
      entries: [entry('new-match', 1), entry('new-match', 2, '푸른꽃집')],
      more: 0,
      inboxLink: 'http://p/inbox',
      unsubscribe: { 'new-match': 'http://p/u?token=a&b' },
    });
    expect(mail.text).toContain('사장님, 안녕하세요.');
    expect(mail.text).toContain('- [푸른꽃집] 사업 2');
    expect(mail.text).toContain('모든 알림은 알림함에서 볼 수 있습니다: http://p/inbox');
    expect(mail.html).toContain('본문 1 &lt;b&gt;');
    expect(mail.html).toContain('href="http://p/u?token=a&amp;b"');
    expect(mail.headers['List-Unsubscribe']).toBe('<http://p/u?token=a&b>');
  });
});
