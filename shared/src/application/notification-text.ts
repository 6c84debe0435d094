import { josa } from 'es-hangul';
import { koreanDate } from '../dates';
import { formatDate, formatWon } from '../rules/format';
import type { Application, TimelineEntry } from './application';

/**
 * The owner's inbox text for a step of an application, or undefined for a step the owner does not need to
 * hear of (their own withdrawal or response, the start of a review). 합니다체; amounts as 3억 2,000만원.
 */
export function applicationNotification(
  app: Pick<Application, 'snapshot' | 'amount'>,
  entry: Pick<TimelineEntry, 'action' | 'at' | 'amount' | 'message'>,
): { title: string; body: string } | undefined {
  const title = app.snapshot.programTitle;
  const program = `「${title}」`;
  switch (entry.action) {
    case 'submit':
      return {
        title: `신청이 접수되었습니다: ${title}`,
        body: `${program} 신청이 ${formatDate(koreanDate(new Date(entry.at)))}에 접수되었습니다. 신청 현황에서 진행 단계를 확인할 수 있습니다.`,
      };
    case 'request-supplement':
      return {
        title: `보완 요청: ${title}`,
        body: `${program} 신청에 보완이 필요합니다. 담당 기관의 요청 내용: ${entry.message ?? ''} 신청 현황에서 보완 내용을 제출해 주세요.`,
      };
    case 'approve':
      return {
        title: `선정되었습니다: ${title}`,
        body: `${program} 사업에 선정되었습니다. 지원 금액은 ${formatWon(entry.amount ?? 0)}입니다.`,
      };
    case 'reject':
      return {
        title: `미선정 안내: ${title}`,
        body: `${program} 신청이 선정되지 않았습니다. 사유: ${entry.message ?? ''}`,
      };
    case 'pay':
      return {
        title: `지급 완료: ${title}`,
        body: `${program} 지원금 ${josa(formatWon(app.amount ?? 0), '이/가')} 지급되었습니다.`,
      };
    default:
      return undefined;
  }
}
