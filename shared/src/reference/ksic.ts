/**
 * 한국표준산업분류 (KSIC, 10th revision): sections (letters) and divisions (2 digits).
 * A business's industry is a 2–5 digit code; its division is the first two digits, its section follows.
 */

export type KsicSection =
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'E'
  | 'F'
  | 'G'
  | 'H'
  | 'I'
  | 'J'
  | 'K'
  | 'L'
  | 'M'
  | 'N'
  | 'O'
  | 'P'
  | 'Q'
  | 'R'
  | 'S'
  | 'T'
  | 'U';

export interface KsicSectionInfo {
  code: KsicSection;
  name: string;
  nameEn: string;
  /** First and last 2-digit division of the section. */
  divisions: readonly [number, number];
}

export const KSIC_SECTIONS: readonly KsicSectionInfo[] = [
  { code: 'A', name: '농업, 임업 및 어업', nameEn: 'Agriculture, forestry and fishing', divisions: [1, 3] },
  { code: 'B', name: '광업', nameEn: 'Mining and quarrying', divisions: [5, 8] },
  { code: 'C', name: '제조업', nameEn: 'Manufacturing', divisions: [10, 34] },
  {
    code: 'D',
    name: '전기, 가스, 증기 및 공기조절 공급업',
    nameEn: 'Electricity, gas, steam and air conditioning supply',
    divisions: [35, 35],
  },
  {
    code: 'E',
    name: '수도, 하수 및 폐기물 처리, 원료 재생업',
    nameEn: 'Water supply; sewage, waste management, materials recovery',
    divisions: [36, 39],
  },
  { code: 'F', name: '건설업', nameEn: 'Construction', divisions: [41, 42] },
  { code: 'G', name: '도매 및 소매업', nameEn: 'Wholesale and retail trade', divisions: [45, 47] },
  { code: 'H', name: '운수 및 창고업', nameEn: 'Transportation and storage', divisions: [49, 52] },
  {
    code: 'I',
    name: '숙박 및 음식점업',
    nameEn: 'Accommodation and food service activities',
    divisions: [55, 56],
  },
  { code: 'J', name: '정보통신업', nameEn: 'Information and communication', divisions: [58, 63] },
  { code: 'K', name: '금융 및 보험업', nameEn: 'Financial and insurance activities', divisions: [64, 66] },
  { code: 'L', name: '부동산업', nameEn: 'Real estate activities', divisions: [68, 68] },
  {
    code: 'M',
    name: '전문, 과학 및 기술 서비스업',
    nameEn: 'Professional, scientific and technical activities',
    divisions: [70, 73],
  },
  {
    code: 'N',
    name: '사업시설 관리, 사업 지원 및 임대 서비스업',
    nameEn: 'Business facilities management, business support and rental',
    divisions: [74, 76],
  },
  {
    code: 'O',
    name: '공공 행정, 국방 및 사회보장 행정',
    nameEn: 'Public administration and defence; social security',
    divisions: [84, 84],
  },
  { code: 'P', name: '교육 서비스업', nameEn: 'Education', divisions: [85, 85] },
  {
    code: 'Q',
    name: '보건업 및 사회복지 서비스업',
    nameEn: 'Human health and social work activities',
    divisions: [86, 87],
  },
  {
    code: 'R',
    name: '예술, 스포츠 및 여가관련 서비스업',
    nameEn: 'Arts, sports and recreation related services',
    divisions: [90, 91],
  },
  {
    code: 'S',
    name: '협회 및 단체, 수리 및 기타 개인 서비스업',
    nameEn: 'Membership organizations, repair and other personal services',
    divisions: [94, 96],
  },
  {
    code: 'T',
    name: '가구 내 고용활동 및 달리 분류되지 않은 자가 소비 생산활동',
    nameEn: 'Activities of households as employers',
    divisions: [97, 98],
  },
  {
    code: 'U',
    name: '국제 및 외국기관',
    nameEn: 'Activities of extraterritorial organizations',
    divisions: [99, 99],
  },
];

/** The 2-digit divisions with their Korean names. */
export const KSIC_DIVISIONS: Readonly<Record<string, string>> = {
  '01': '농업',
  '02': '임업',
  '03': '어업',
  '05': '석탄, 원유 및 천연가스 광업',
  '06': '금속 광업',
  '07': '비금속광물 광업; 연료용 제외',
  '08': '광업 지원 서비스업',
  '10': '식료품 제조업',
  '11': '음료 제조업',
  '12': '담배 제조업',
  '13': '섬유제품 제조업; 의복 제외',
  '14': '의복, 의복 액세서리 및 모피제품 제조업',
  '15': '가죽, 가방 및 신발 제조업',
  '16': '목재 및 나무제품 제조업; 가구 제외',
  '17': '펄프, 종이 및 종이제품 제조업',
  '18': '인쇄 및 기록매체 복제업',
  '19': '코크스, 연탄 및 석유정제품 제조업',
  '20': '화학 물질 및 화학제품 제조업; 의약품 제외',
  '21': '의료용 물질 및 의약품 제조업',
  '22': '고무 및 플라스틱제품 제조업',
  '23': '비금속 광물제품 제조업',
  '24': '1차 금속 제조업',
  '25': '금속 가공제품 제조업; 기계 및 가구 제외',
  '26': '전자 부품, 컴퓨터, 영상, 음향 및 통신장비 제조업',
  '27': '의료, 정밀, 광학 기기 및 시계 제조업',
  '28': '전기장비 제조업',
  '29': '기타 기계 및 장비 제조업',
  '30': '자동차 및 트레일러 제조업',
  '31': '기타 운송장비 제조업',
  '32': '가구 제조업',
  '33': '기타 제품 제조업',
  '34': '산업용 기계 및 장비 수리업',
  '35': '전기, 가스, 증기 및 공기 조절 공급업',
  '36': '수도업',
  '37': '하수, 폐수 및 분뇨 처리업',
  '38': '폐기물 수집, 운반, 처리 및 원료 재생업',
  '39': '환경 정화 및 복원업',
  '41': '종합 건설업',
  '42': '전문직별 공사업',
  '45': '자동차 및 부품 판매업',
  '46': '도매 및 상품 중개업',
  '47': '소매업; 자동차 제외',
  '49': '육상 운송 및 파이프라인 운송업',
  '50': '수상 운송업',
  '51': '항공 운송업',
  '52': '창고 및 운송관련 서비스업',
  '55': '숙박업',
  '56': '음식점 및 주점업',
  '58': '출판업',
  '59': '영상·오디오 기록물 제작 및 배급업',
  '60': '방송업',
  '61': '우편 및 통신업',
  '62': '컴퓨터 프로그래밍, 시스템 통합 및 관리업',
  '63': '정보서비스업',
  '64': '금융업',
  '65': '보험 및 연금업',
  '66': '금융 및 보험관련 서비스업',
  '68': '부동산업',
  '70': '연구개발업',
  '71': '전문 서비스업',
  '72': '건축 기술, 엔지니어링 및 기타 과학기술 서비스업',
  '73': '기타 전문, 과학 및 기술 서비스업',
  '74': '사업시설 관리 및 조경 서비스업',
  '75': '사업 지원 서비스업',
  '76': '임대업; 부동산 제외',
  '84': '공공 행정, 국방 및 사회보장 행정',
  '85': '교육 서비스업',
  '86': '보건업',
  '87': '사회복지 서비스업',
  '90': '창작, 예술 및 여가관련 서비스업',
  '91': '스포츠 및 오락관련 서비스업',
  '94': '협회 및 단체',
  '95': '개인 및 소비용품 수리업',
  '96': '기타 개인 서비스업',
  '97': '가구 내 고용활동',
  '98': '달리 분류되지 않은 자가 소비를 위한 가구의 재화 및 서비스 생산활동',
  '99': '국제 및 외국기관',
};

/** Named 5-digit (and 4-digit) codes that rules and pickers refer to. Not the whole classification. */
export const KSIC_NAMED_CODES: Readonly<Record<string, string>> = {
  '10711': '빵류 제조업',
  '10712': '떡류 제조업',
  '14111': '정장 제조업',
  '46': '도매 및 상품 중개업',
  '47121': '슈퍼마켓',
  '47122': '체인화 편의점',
  '47190': '기타 대형 종합 소매업',
  '47912': '전자상거래 소매업',
  '49231': '용달 화물자동차 운송업',
  '55101': '호텔업',
  '55103': '여관업',
  '56111': '한식 일반 음식점업',
  '56121': '중식 음식점업',
  '56122': '일식 음식점업',
  '56123': '서양식 음식점업',
  '56191': '제과점업',
  '56193': '치킨 전문점',
  '56194': '김밥 및 기타 간이 음식점업',
  '56211': '일반유흥 주점업',
  '56212': '무도유흥 주점업',
  '56213': '생맥주 전문점',
  '56219': '기타 주점업',
  '56221': '커피 전문점',
  '62010': '컴퓨터 프로그래밍 서비스업',
  '681': '부동산 임대 및 공급업',
  '68111': '주거용 건물 임대업',
  '68112': '비주거용 건물 임대업',
  '9124': '사행시설 관리 및 운영업',
  '91241': '카지노 운영업',
  '85501': '일반 교과 학원',
  '96112': '두발 미용업',
  '96113': '피부 미용업',
  '95211': '자동차 종합 수리업',
};

const sectionByDivision = new Map<number, KsicSection>();
for (const s of KSIC_SECTIONS)
  for (let d = s.divisions[0]; d <= s.divisions[1]; d++) sectionByDivision.set(d, s.code);

/** The section letter of a numeric KSIC code (2–5 digits), or undefined for an unknown division. */
export function ksicSection(code: string): KsicSection | undefined {
  if (!/^\d{2,5}$/.test(code)) return undefined;
  const division = code.slice(0, 2);
  return KSIC_DIVISIONS[division] ? sectionByDivision.get(Number(division)) : undefined;
}

/** True for a 2–5 digit code in a known division. */
export function isKsicCode(code: string): boolean {
  return ksicSection(code) !== undefined;
}

/** True for a section letter or a 1–5 digit code that a rule may use as a prefix. */
export function isKsicPrefix(prefix: string): boolean {
  if (/^[A-U]$/.test(prefix)) return true;
  return /^\d{2,5}$/.test(prefix) && isKsicCode(prefix.slice(0, 2));
}

/** True when `code` falls under `prefix` (a section letter or a digit prefix). */
export function ksicMatches(code: string, prefix: string): boolean {
  if (/^[A-U]$/.test(prefix)) return ksicSection(code) === prefix;
  return code.startsWith(prefix);
}

/** Best Korean name for a code or section letter: its own name, else its division's, else the section's. */
export function ksicName(code: string): string {
  if (/^[A-U]$/.test(code)) return KSIC_SECTIONS.find((s) => s.code === code)?.name ?? code;
  return (
    KSIC_NAMED_CODES[code] ?? (code.length === 2 ? KSIC_DIVISIONS[code] : undefined) ?? `산업분류 ${code}`
  );
}

/** The English label of a code: its section's English name ("KSIC 56221, Accommodation and food service activities"). */
export function ksicNameEn(code: string): string {
  const section = KSIC_SECTIONS.find((s) => s.code === (/^[A-U]$/.test(code) ? code : ksicSection(code)));
  if (/^[A-U]$/.test(code)) return section?.nameEn ?? code;
  return section ? `KSIC ${code}, ${section.nameEn}` : `KSIC ${code}`;
}
