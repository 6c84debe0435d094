import { dDay, formatBusinessNumber } from '@sbiz24/shared';
import type { MatchEvent } from '@sbiz24/shared/recompute/types';
import { type RapidNotice, rapidNoticeText } from '@sbiz24/shared/relief/rapid-notice';

/** The rapid-payment notice an event carries (new matches of a 신속지급 program only). */
export function rapidNoticeOf(event: MatchEvent): RapidNotice | undefined {
  if (event.reason !== 'new-match' || !event.rapidPayment) return undefined;
  return {
    programTitle: event.programTitle,
    amountWon: event.rapidPayment.amountWon,
    tradeName: event.rapidPayment.tradeName,
    ...(event.applyEnd ? { applyEnd: event.applyEnd } : {}),
  };
}

/**
 * Korean title and body of the notification for a match event. No personal data beyond the owner's own business
 * number (the rapid-payment notice names the business by its trade name instead).
 */
export function notificationText(event: MatchEvent): { title: string; body: string } {
  const rapid = rapidNoticeOf(event);
  if (rapid) return rapidNoticeText(rapid, 'ko');
  const business = formatBusinessNumber(event.brn);
  const deadline = event.applyEnd ? ` 신청 마감일은 ${event.applyEnd}입니다.` : '';
  switch (event.reason) {
    case 'new-match':
      if (event.programKind === 'disaster-relief') {
        return {
          title: `재난지원 신청 대상이 되었습니다: ${event.programTitle}`,
          body: `사업장(${business})이 「${event.programTitle}」 지원 대상입니다.${deadline} 자격 요건과 신청 방법을 확인해 주세요.`,
        };
      }
      return {
        title: `새로 신청할 수 있는 지원사업: ${event.programTitle}`,
        body: `사업장(${business})이 「${event.programTitle}」 신청 자격을 갖추었습니다.${deadline} 자격 요건과 신청 방법을 확인해 주세요.`,
      };
    case 'deadline-7':
    case 'deadline-1': {
      const days = event.applyEnd ? dDay(event.applyEnd, event.asOf) : undefined;
      const when = days === undefined ? '곧' : days === 0 ? '오늘' : `${days}일 후`;
      return {
        title: `마감 ${days === 0 ? '당일' : `D-${days ?? ''}`}: ${event.programTitle}`,
        body: `사업장(${business})이 신청할 수 있는 「${event.programTitle}」 접수가 ${when}(${event.applyEnd ?? '마감일 미정'}) 마감됩니다. 아직 신청하지 않으셨다면 기한 안에 신청해 주세요.`,
      };
    }
  }
}

/** The key that makes (business, program, reason) notify once. */
export function dedupeKey(event: Pick<MatchEvent, 'brn' | 'programId' | 'reason'>): string {
  return `${event.brn}#${event.programId}#${event.reason}`;
}
