import { koreanDate } from '../dates';
import { formatDate } from '../rules/format';
import { escapeHtml, koreanDateWithWeekday, type RenderedEmail } from './message';
import { ALERT_KIND_LABELS, type AlertKind } from './preferences';

/**
 * The weekly digest: owners who chose `digest: 'weekly'` get their new-match and deadline e-mails once a
 * week in one mail (Monday 09:00 Korea time), not one by one. Disaster and application alerts still go at
 * once; the inbox is unchanged. One digest per owner and ISO week (its outbox id carries the week).
 */

/** The kinds a digest gathers; the others are never held. */
export const DIGEST_KINDS = ['new-match', 'deadline'] as const satisfies readonly AlertKind[];
export type DigestKind = (typeof DIGEST_KINDS)[number];
export const isDigestKind = (kind: AlertKind): kind is DigestKind =>
  (DIGEST_KINDS as readonly AlertKind[]).includes(kind);

/** Most alerts one digest covers (the rest wait for the next week's); keeps the outbox item small. */
export const DIGEST_MAX_COVERED = 500;
/** Most items a digest lists in full; the others are counted, with a link to the inbox. */
export const DIGEST_MAX_LISTED = 20;

const KST_OFFSET_MS = 9 * 3_600_000;
const WEEK_MS = 7 * 86_400_000;
/** Monday 09:00 Korea time (00:00 UTC). */
const SLOT_HOUR_KST = 9;

/** The first digest time (Monday 09:00 Korea time) strictly after `at`. */
export function nextDigestSlot(at: Date): Date {
  const wall = new Date(at.getTime() + KST_OFFSET_MS); // fields read as Korean wall-clock time
  const daysSinceMonday = (wall.getUTCDay() + 6) % 7;
  const monday = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() - daysSinceMonday);
  let slot = monday + SLOT_HOUR_KST * 3_600_000 - KST_OFFSET_MS;
  if (slot <= at.getTime()) slot += WEEK_MS;
  return new Date(slot);
}

/** The latest digest time at or before `at`. */
export function currentDigestSlot(at: Date): Date {
  return new Date(nextDigestSlot(at).getTime() - WEEK_MS);
}

/** The ISO 8601 week of the Korean calendar date at `at`: "2026-W50". */
export function isoWeekOf(at: Date): string {
  const [y, m, d] = koreanDate(at).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0
  // The week belongs to the year of its Thursday.
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / WEEK_MS) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The outbox id of an owner's digest for one week: the dedupe key that makes it once a week. */
export const digestId = (week: string): string => `digest-${week}`;

export interface DigestEntry {
  kind: DigestKind;
  title: string;
  body: string;
  tradeName?: string;
  programTitle?: string;
  /** ISO date. */
  applyEnd?: string;
  /** The page concerned, absolute URL. */
  link: string;
}

export interface DigestContent {
  /** The digest time, ISO timestamp (its Korean date heads the mail). */
  slot: string;
  entries: DigestEntry[];
  /** Alerts the digest covers but does not list (over DIGEST_MAX_LISTED). */
  more: number;
  /** The inbox, absolute URL. */
  inboxLink: string;
  /** One-click stop per kind present, absolute URLs. */
  unsubscribe: Partial<Record<DigestKind, string>>;
}

/** Groups the entries by kind, new matches first, each group in the order given (oldest first). */
export function groupDigestEntries(entries: DigestEntry[]): { kind: DigestKind; entries: DigestEntry[] }[] {
  return DIGEST_KINDS.map((kind) => ({ kind, entries: entries.filter((e) => e.kind === kind) })).filter(
    (g) => g.entries.length > 0,
  );
}

const GROUP_HEADINGS: Record<DigestKind, string> = {
  'new-match': '새로 맞는 지원사업',
  deadline: '다가오는 신청 마감',
};

/** The digest e-mail: one mail listing the week's new matches and deadlines, with links and a stop per kind. */
export function renderDigestEmail(content: DigestContent): RenderedEmail {
  const total = content.entries.length + content.more;
  const date = formatDate(koreanDate(new Date(content.slot)));
  const groups = groupDigestEntries(content.entries);
  const tradeNames = [...new Set(content.entries.map((e) => e.tradeName).filter(Boolean))];
  const greeting = tradeNames.length === 1 ? `${tradeNames[0]} 사장님, 안녕하세요.` : '사장님, 안녕하세요.';
  const intro = `지난 한 주 동안 알려 드릴 소식이 ${total.toLocaleString('ko-KR')}건 있습니다.`;
  const lineOf = (e: DigestEntry) => {
    const who = e.tradeName && tradeNames.length > 1 ? `[${e.tradeName}] ` : '';
    const deadline = e.applyEnd ? ` (신청 마감: ${koreanDateWithWeekday(e.applyEnd)})` : '';
    return `${who}${e.programTitle ?? e.title}${deadline}`;
  };
  const moreText =
    content.more > 0
      ? `이 밖에 ${content.more.toLocaleString('ko-KR')}건은 알림함에서 볼 수 있습니다: ${content.inboxLink}`
      : `모든 알림은 알림함에서 볼 수 있습니다: ${content.inboxLink}`;
  const stops = DIGEST_KINDS.filter((k) => content.unsubscribe[k]).map(
    (k) => [k, content.unsubscribe[k]!] as const,
  );
  const text = [
    greeting,
    '',
    intro,
    ...groups.flatMap((g) => [
      '',
      `■ ${GROUP_HEADINGS[g.kind]} (${g.entries.length}건)`,
      ...g.entries.flatMap((e) => [`- ${lineOf(e)}`, `  ${e.body}`, `  바로 가기: ${e.link}`]),
    ]),
    '',
    moreText,
    '',
    '—',
    '소상공인24 · 주간 모아 받기는 알림 설정에서 바꿀 수 있습니다.',
    ...stops.map(
      ([k, url]) => `「${ALERT_KIND_LABELS[k].ko}」 메일을 더 받지 않으려면 다음 주소를 여세요: ${url}`,
    ),
    '',
  ].join('\n');
  const html = `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>${escapeHtml(`이번 주 소식 ${total}건`)}</title></head>
<body style="font-family: 'Noto Sans KR', sans-serif; line-height: 1.6; color: #1d1d1d">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
${groups
  .map(
    (g) => `<h2 style="font-size: 1.1em">${escapeHtml(GROUP_HEADINGS[g.kind])} (${g.entries.length}건)</h2>
<ul>
${g.entries
  .map(
    (e) => `<li><a href="${escapeHtml(e.link)}">${escapeHtml(lineOf(e))}</a><br>${escapeHtml(e.body)}</li>`,
  )
  .join('\n')}
</ul>`,
  )
  .join('\n')}
<p>${
    content.more > 0
      ? `이 밖에 ${content.more.toLocaleString('ko-KR')}건은 <a href="${escapeHtml(content.inboxLink)}">알림함</a>에서 볼 수 있습니다.`
      : `모든 알림은 <a href="${escapeHtml(content.inboxLink)}">알림함</a>에서 볼 수 있습니다.`
  }</p>
<hr>
<p style="font-size: 0.875em; color: #555">소상공인24 · 주간 모아 받기는 알림 설정에서 바꿀 수 있습니다.<br>
${stops
  .map(
    ([k, url]) =>
      `<a href="${escapeHtml(url)}">「${escapeHtml(ALERT_KIND_LABELS[k].ko)}」 메일 그만 받기</a>`,
  )
  .join(' · ')}</p>
</body></html>
`;
  // The one-click header stops the first kind listed (new matches when there are any); the body has each.
  const headerStop = stops[0]?.[1];
  return {
    subject: `[소상공인24] 이번 주 소식 ${total.toLocaleString('ko-KR')}건 (${date})`,
    text,
    html,
    headers: headerStop
      ? { 'List-Unsubscribe': `<${headerStop}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
      : {},
  };
}
