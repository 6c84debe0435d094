/**
 * Korean UI text of rapid payment (신속지급, issue 13): the program setting, the account form, the owner's
 * account and payment failure, and the staff's bulk approval, payment file and bank results. Spread into ko.ts;
 * en-relief.ts mirrors the keys (type-checked there).
 */
const reliefKo = {
  rapid: {
    setting: '신속지급',
    settingHint: '신속지급 사업은 신청서에 계좌만 받고, 지원 대상을 한 번에 선정해 같은 금액을 지급합니다.',
    enable: '이 사업은 신속지급으로 운영합니다',
    amount: '지급액 (원)',
    byKind: '피해 유형별 지급액 (원, 비우면 기본 지급액)',
    kindAmount: '{{kind}} 지급액 (원)',
  },
};

export default reliefKo;
