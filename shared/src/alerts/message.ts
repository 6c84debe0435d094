import { koreanWeekday } from '../dates';
import { formatDate, formatWon } from '../rules/format';
import type { AlimtalkTemplate, RenderedAlimtalk } from './alimtalk';
import { ALIMTALK_TEMPLATES, RAPID_PAYMENT_TEMPLATE, renderAlimtalk } from './alimtalk';
import type { AlertKind } from './preferences';
import { ALERT_KIND_LABELS } from './preferences';

/**
 * The words of an alert as it leaves the portal: an e-mail (subject, plain text, HTML) or a text message
 * (a registered 알림톡 template filled in). Korean first; the business is named by its trade name, dates
 * read "2026년 12월 3일(목)", and every e-mail ends with a one-click way to stop that kind of mail. Nothing
 * personal beyond the trade name.
 */
export interface AlertContent {
  kind: AlertKind;
  /** The inbox notification's title and body (already Korean sentences). */
  title: string;
  body: string;
  /** The business's trade name (상호); absent for alerts not about one business. */
  tradeName?: string;
  programTitle?: string;
  /** Last day to apply, ISO date. */
  applyEnd?: string;
  /** The page concerned, absolute URL. */
  link: string;
  /** Stops this kind of e-mail for this account, absolute URL (one click, no sign-in). */
  unsubscribeUrl: string;
  /** For application alerts: the new status as owners read it (접수, 보완 요청, 선정, …). */
  statusText?: string;
  /**
   * A rapid-payment (신속지급) notice: the amount the owner will receive. The link is then the apply page, the
   * e-mail's link reads 신청하기 and the text message is the rapid-payment template.
   */
  amountWon?: number;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** RFC 8058 one-click unsubscribe headers, which mail apps show as an "unsubscribe" button. */
  headers: Record<string, string>;
}

/** "2026년 12월 3일(목)". */
export function koreanDateWithWeekday(iso: string): string {
  return `${formatDate(iso)}(${koreanWeekday(iso)})`;
}

/** Text made safe inside HTML (element content and quoted attributes). */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderEmail(content: AlertContent): RenderedEmail {
  const greeting = content.tradeName ? `${content.tradeName} 사장님, 안녕하세요.` : '안녕하세요.';
  const deadline = content.applyEnd ? `신청 마감: ${koreanDateWithWeekday(content.applyEnd)}` : undefined;
  const stop = `「${ALERT_KIND_LABELS[content.kind].ko}」 메일을 더 받지 않으려면 다음 주소를 여세요: ${content.unsubscribeUrl}`;
  const lines = [
    greeting,
    '',
    content.body,
    ...(deadline ? ['', deadline] : []),
    '',
    `바로 가기: ${content.link}`,
  ];
  const linkLabel = content.amountWon !== undefined ? '신청하기' : '바로 가기';
  lines[lines.length - 1] = `${linkLabel}: ${content.link}`;
  const text = [...lines, '', '—', '소상공인24', stop, ''].join('\n');
  const html = `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>${escapeHtml(content.title)}</title></head>
<body style="font-family: 'Noto Sans KR', sans-serif; line-height: 1.6; color: #1d1d1d">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(content.body)}</p>
${deadline ? `<p><strong>${escapeHtml(deadline)}</strong></p>` : ''}
<p><a href="${escapeHtml(content.link)}">${linkLabel}</a></p>
<hr>
<p style="font-size: 0.875em; color: #555">소상공인24 ·
<a href="${escapeHtml(content.unsubscribeUrl)}">「${escapeHtml(ALERT_KIND_LABELS[content.kind].ko)}」 메일 그만 받기</a></p>
</body></html>
`;
  return {
    subject: `[소상공인24] ${content.title}`,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${content.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/** The text message of an alert: its kind's registered 알림톡 template, filled in. */
export function renderTextMessage(
  content: AlertContent,
  templates: Record<AlertKind, AlimtalkTemplate> = ALIMTALK_TEMPLATES,
): RenderedAlimtalk {
  const rapid = content.kind === 'disaster' && content.amountWon !== undefined;
  const template = rapid ? RAPID_PAYMENT_TEMPLATE : templates[content.kind];
  const vars: Record<string, string> = {
    상호: content.tradeName ?? '고객',
    사업명: content.programTitle ?? content.title,
    링크: content.link,
  };
  if (template.text.includes('#{마감일}')) {
    vars.마감일 = content.applyEnd ? koreanDateWithWeekday(content.applyEnd) : '별도 안내';
  }
  if (template.text.includes('#{상태}')) vars.상태 = content.statusText ?? content.title;
  if (rapid) vars.지급액 = formatWon(content.amountWon!);
  return renderAlimtalk(template, vars);
}
