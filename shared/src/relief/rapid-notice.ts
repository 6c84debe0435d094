import { formatDate, formatDateEn, formatWon, formatWonEn, josa } from '../rules/format';

/**
 * What the notice to an owner newly eligible for a rapid-payment (신속지급) program says: the amount they will
 * receive and that one step — 신청하기 with a bank account — is enough. Nothing personal beyond the trade name.
 */
export interface RapidNotice {
  programTitle: string;
  /** The amount for this business (the fixed amount, or the one for its damage kind), in won. */
  amountWon: number;
  /** The business's trade name (상호); without it the notice says "사업장". */
  tradeName?: string;
  /** Last day to apply, ISO date. */
  applyEnd?: string;
}

/** The notice's title and body in Korean (합니다체, particles by final sound) or English. */
export function rapidNoticeText(notice: RapidNotice, lang: 'ko' | 'en'): { title: string; body: string } {
  const { programTitle, amountWon, tradeName, applyEnd } = notice;
  if (lang === 'en') {
    const who = tradeName ?? 'Your business';
    return {
      title: `Rapid payment of ${formatWonEn(amountWon)}: ${programTitle}`,
      body: `${who} is eligible for the rapid payment of “${programTitle}”: you will receive ${formatWonEn(
        amountWon,
      )}. One step is enough: choose “Apply” and enter the bank account to be paid into; everything else is already known.${
        applyEnd ? ` Applications close on ${formatDateEn(applyEnd)}.` : ''
      }`,
    };
  }
  const won = formatWon(amountWon);
  const who = tradeName ?? '사업장';
  return {
    title: `재난지원금 ${won} 신속지급 대상입니다: ${programTitle}`,
    body: `${josa(who, '은/는')} 「${programTitle}」 신속지급 대상입니다. 받으실 금액은 ${won}입니다. '신청하기'에서 입금받을 계좌만 입력하시면 한 번에 신청이 끝납니다.${
      applyEnd ? ` 신청 마감일은 ${formatDate(applyEnd)}입니다.` : ''
    }`,
  };
}
