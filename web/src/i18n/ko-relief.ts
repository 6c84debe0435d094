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
  account: {
    legend: '지원금을 받을 계좌',
    lead: '신속지급 사업은 계좌만 입력하면 신청이 끝납니다. 계좌번호는 암호화해 보관하고, 다시 보여 줄 때는 일부만 보여 줍니다.',
    amount: '지급 예정액: {{amount}}',
    bank: '은행',
    bankPlaceholder: '은행을 고르세요',
    number: '계좌번호',
    numberHint: '숫자 10~14자리. 하이픈(-)은 넣어도 되고 빼도 됩니다.',
    holder: '예금주',
    holderHint: '대표자 이름으로 미리 채웠습니다. 통장의 예금주와 같아야 합니다.',
    bankRequired: '은행을 골라 주세요.',
    holderRequired: '예금주를 입력해 주세요.',
    submit: '계좌로 신청하기',
    submitting: '신청하는 중…',
    shown: '지급 계좌',
    failedTitle: '지원금을 보내지 못했습니다',
    failedText: '은행이 알려 온 사유: {{reason}}. 아래에서 계좌를 고쳐 주시면 다음 지급에 포함합니다.',
    change: '계좌 고치기',
    save: '계좌 저장',
    saved: '계좌를 고쳤습니다. 다음 지급 파일에 포함됩니다.',
  },
  payout: {
    title: '신속지급',
    lead: '접수·심사 중인 신청 가운데 지금도 자격이 있고 계좌가 있는 신청을 예산 안에서 한 번에 선정하고, 은행에 보낼 지급 파일을 만듭니다.',
    approveAll: '지원 대상 일괄 승인',
    counting: '대상을 세는 중…',
    preview: '대기 {{pending}}건 가운데 {{approved}}건을 선정합니다.',
    refusedHeading: '선정하지 않는 신청',
    confirm: '{{count}}건 선정하기',
    cancel: '취소',
    running: '선정하는 중… ({{done}}/{{total}})',
    progress: '일괄 승인 진행률',
    done: '{{approved}}건을 선정했습니다.',
    nothing: '선정할 신청이 없습니다.',
    download: '지급 파일 내려받기',
    downloading: '내려받는 중…',
    upload: '은행 결과 올리기',
    uploadHint: '"신청 ID", "결과"(성공/실패), "사유" 열이 있는 CSV 파일 (UTF-8 또는 CP949)',
    uploading: '올리는 중…',
    result: '지급 완료 {{paid}}건, 반영하지 못한 줄 {{failed}}건',
    line: '{{line}}번째 줄',
    reasons: {
      NOT_ELIGIBLE: '지금은 자격이 없음',
      QUOTA_EXCEEDED: '예산·선정 한도 초과',
      ACCOUNT_MISSING: '계좌 없음',
      BUSINESS_NOT_FOUND: '사업장 정보 없음',
      VERSION_CONFLICT: '그사이 바뀜',
      AMOUNT_OVER_BENEFIT: '지원 한도 초과',
      TRANSITION_NOT_ALLOWED: '선정할 수 없는 상태',
      other: '기타',
    },
  },
};

export default reliefKo;
