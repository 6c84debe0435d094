import { escapeHtml } from '@sbiz24/shared/alerts/message';
import type { Hono } from 'hono';
import type { AppEnv } from '../http/types';
import type { LocalAlerts } from './alerts';

const page = (title: string, body: string) => `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — 소상공인24 개발용</title>
<style>
body{font-family:'Noto Sans KR',system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1d1d1d}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:.5rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:bold;padding:.5rem 0}pre{white-space:pre-wrap;background:#f5f5f5;padding:1rem}
a{color:#0b50d0}iframe{width:100%;height:28rem;border:1px solid #ccc}
</style></head><body>
<nav aria-label="개발용 페이지"><a href="/">포털로 돌아가기</a> · <a href="/dev/mailbox">메일함</a> · <a href="/dev/texts">문자 발송 기록</a></nav>
${body}
</body></html>`;

const time = (iso: string) => new Date(iso).toLocaleString('ko-KR', { timeZone: 'Asia/Seoul' });

/**
 * The development mailbox and text-message log of `npm start`: what the portal sent, as the recipient would
 * get it. Local mode only (never on AWS); read-only.
 */
export function mountDevMailbox(app: Hono<AppEnv>, alerts: LocalAlerts): void {
  app.get('/dev/mailbox', (c) => {
    const mails = alerts.mail.mailbox.list();
    const rows = mails
      .map(
        (m) =>
          `<tr><td>${escapeHtml(time(m.receivedAt))}</td><td>${escapeHtml(m.to.join(', '))}</td><td><a href="/dev/mailbox/${escapeHtml(m.id)}">${escapeHtml(m.subject)}</a></td></tr>`,
      )
      .join('\n');
    return c.html(
      page(
        '개발용 메일함',
        `<h1>개발용 메일함</h1>
<p>포털이 보낸 전자우편이 실제 SMTP 서버(127.0.0.1:${alerts.mail.port})로 도착한 그대로 보입니다. 최근 ${mails.length.toLocaleString('ko-KR')}통.</p>
${
  mails.length === 0
    ? '<p>아직 받은 메일이 없습니다. 알림 설정에서 전자우편을 인증한 사업주에게 새 지원사업이 맞으면 여기에 도착합니다.</p>'
    : `<table><caption>받은 메일 (최신순)</caption><thead><tr><th scope="col">받은 시각</th><th scope="col">받는 사람</th><th scope="col">제목</th></tr></thead><tbody>${rows}</tbody></table>`
}`,
      ),
    );
  });
  app.get('/dev/mailbox/:id', (c) => {
    const mail = alerts.mail.mailbox.get(c.req.param('id'));
    if (!mail)
      return c.html(
        page(
          '메일 없음',
          '<h1>메일을 찾을 수 없습니다</h1><p><a href="/dev/mailbox">메일함으로 돌아가기</a></p>',
        ),
        404,
      );
    return c.html(
      page(
        mail.subject,
        `<h1>${escapeHtml(mail.subject)}</h1>
<dl><dt>보낸 사람</dt><dd>${escapeHtml(mail.from)}</dd><dt>받는 사람</dt><dd>${escapeHtml(mail.to.join(', '))}</dd>
<dt>받은 시각</dt><dd>${escapeHtml(time(mail.receivedAt))}</dd>${
          mail.listUnsubscribe
            ? `<dt>수신 거부 (List-Unsubscribe)</dt><dd>${escapeHtml(mail.listUnsubscribe)}</dd>`
            : ''
        }</dl>
${mail.html ? `<h2>HTML 본문</h2><iframe title="메일 HTML 본문" sandbox srcdoc="${escapeHtml(mail.html)}"></iframe>` : ''}
<h2>텍스트 본문</h2><pre>${escapeHtml(mail.text)}</pre>`,
      ),
    );
  });
  app.get('/dev/texts', (c) => {
    const texts = alerts.texts().reverse().slice(0, 500);
    const rows = texts
      .map(
        (t) =>
          `<tr><td>${escapeHtml(time(t.at))}</td><td>${escapeHtml(t.to.replace(/(\d{3})\d+(\d{4})/, '$1-****-$2'))}</td><td>${escapeHtml(t.templateCode)}</td><td><pre>${escapeHtml(t.text)}</pre>${
            t.button ? `<a href="${escapeHtml(t.button.url)}">${escapeHtml(t.button.name)}</a>` : ''
          }</td></tr>`,
      )
      .join('\n');
    return c.html(
      page(
        '문자 발송 기록',
        `<h1>문자·알림톡 발송 기록</h1>
<p>알림톡과 문자는 발송 대행사 계약이 필요해, 개발 환경에서는 보냈을 내용을 기록만 합니다.</p>
${
  texts.length === 0
    ? '<p>아직 기록이 없습니다.</p>'
    : `<table><caption>보낸 문자 (최신순)</caption><thead><tr><th scope="col">시각</th><th scope="col">받는 번호</th><th scope="col">템플릿</th><th scope="col">내용</th></tr></thead><tbody>${rows}</tbody></table>`
}`,
      ),
    );
  });
}
