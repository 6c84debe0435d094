/**
 * Korean (and English) formatting for rule texts: particles that follow the last syllable (es-hangul), won
 * amounts in 만원/억원/조원, dates, and lists.
 */
import { josa as esJosa } from 'es-hangul';

/** The particle pairs es-hangul knows: '이/가', '을/를', '은/는', '으로/로', '와/과', …. */
export type JosaOption = Parameters<typeof esJosa.pick>[1];

/** Digits and Latin letters as read aloud, so that es-hangul can pick a particle after them. */
const DIGIT_READINGS = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];
const LETTER_READINGS: Record<string, string> = {
  A: '에이',
  B: '비',
  C: '씨',
  D: '디',
  E: '이',
  F: '에프',
  G: '지',
  H: '에이치',
  I: '아이',
  J: '제이',
  K: '케이',
  L: '엘',
  M: '엠',
  N: '엔',
  O: '오',
  P: '피',
  Q: '큐',
  R: '알',
  S: '에스',
  T: '티',
  U: '유',
  V: '브이',
  W: '더블유',
  X: '엑스',
  Y: '와이',
  Z: '지',
};

/**
 * The last syllable of `word` as spoken: a trailing parenthetical is skipped, as the particle follows the
 * word before it ("제조업(C)이어야", "예비창업자(사업자등록 전)여야"), as are closing quotes and brackets;
 * digits and Latin letters are read aloud ("2023" → 삼, "L" → 엘), "%" is 퍼센트.
 */
export function spokenEnd(word: string): string {
  const bare = word.replace(/(\s*\([^()]*\))+\s*$/, '');
  const w = bare.length > 0 ? bare : word;
  for (let i = w.length - 1; i >= 0; i--) {
    const ch = w[i]!;
    if (/[가-힣]/.test(ch)) return ch;
    if (ch >= '0' && ch <= '9') return DIGIT_READINGS[ch.charCodeAt(0) - 48]!;
    if (/[A-Za-z]/.test(ch)) return LETTER_READINGS[ch.toUpperCase()]!;
    if (ch === '%') return '퍼센트';
    if (!/[\s)\]」』'"’”.]/.test(ch)) return '가';
  }
  return '가';
}

/** True when the spoken form of `word` ends in a final consonant (받침). */
export function hasBatchim(word: string): boolean {
  return esJosa.pick(spokenEnd(word), '이/가') === '이';
}

/**
 * `word` followed by the particle its final sound takes, chosen by es-hangul (ㄹ before 으로/로 included):
 * josa('소상공인', '이/가') → '소상공인이', josa('서울', '으로/로') → '서울로'.
 */
export function josa(word: string, option: JosaOption): string {
  return word + esJosa.pick(spokenEnd(word), option);
}

/** The copula after a noun ("…이어야", "…이면"): 이 after a final consonant, nothing otherwise. */
function copula(noun: string): string {
  return hasBatchim(noun) ? '이' : '';
}

/** "…이어야" / "…여야": the copula "must be" after a noun phrase. */
export function mustBe(noun: string): string {
  return `${noun}${copula(noun)}${hasBatchim(noun) ? '어야' : '여야'} 합니다`;
}

/** "…이 아니어야" / "…가 아니어야". */
export function mustNotBe(noun: string): string {
  return `${josa(noun, '이/가')} 아니어야 합니다`;
}

/** "…이면" / "…면". */
export function ifIs(noun: string): string {
  return `${noun}${copula(noun)}면`;
}

/** "…이 아니면" / "…가 아니면". */
export function ifIsNot(noun: string): string {
  return `${josa(noun, '이/가')} 아니면`;
}

/** Thousands separators without Intl (constructing a formatter per call is slow in the matching loop). */
function group(n: number): string {
  const [int, frac] = String(n).split('.');
  const sign = int!.startsWith('-') ? '-' : '';
  const digits = sign ? int!.slice(1) : int!;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac ? `.${frac}` : ''}`;
}

/**
 * Won in Korean units: 300000000 → "3억원", 250000000 → "2억 5,000만원", 12345678 → "1,234만 5,678원",
 * 1200000000000 → "1조 2,000억원".
 */
export function formatWon(won: number): string {
  if (!Number.isFinite(won)) return `${won}원`;
  if (won < 0) return `-${formatWon(-won)}`;
  const whole = Math.round(won);
  const jo = Math.floor(whole / 1_000_000_000_000);
  const eok = Math.floor((whole % 1_000_000_000_000) / 100_000_000);
  const man = Math.floor((whole % 100_000_000) / 10_000);
  const rest = whole % 10_000;
  const parts: string[] = [];
  if (jo > 0) parts.push(`${group(jo)}조`);
  if (eok > 0) parts.push(`${group(eok)}억`);
  if (man > 0) parts.push(`${group(man)}만`);
  if (rest > 0 || parts.length === 0) parts.push(group(rest));
  return `${parts.join(' ')}원`;
}

/** Won in English: 300000000 → "KRW 300 million", 25000000 → "KRW 25 million", 12345 → "KRW 12,345". */
export function formatWonEn(won: number): string {
  if (Math.abs(won) >= 1_000_000_000_000)
    return `KRW ${group(Math.round(won / 10_000_000_000) / 100)} trillion`;
  if (Math.abs(won) >= 1_000_000_000) return `KRW ${group(Math.round(won / 10_000_000) / 100)} billion`;
  if (Math.abs(won) >= 1_000_000) return `KRW ${group(Math.round(won / 10_000) / 100)} million`;
  return `KRW ${group(won)}`;
}

/** "2025년 6월 1일". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}년 ${m}월 ${d}일`;
}

/** ISO dates read fine in English. */
export function formatDateEn(iso: string): string {
  return iso;
}

/** A number with thousands separators, decimals kept (7.5 → "7.5"). */
export function formatNumber(n: number): string {
  return group(Math.round(n * 100) / 100);
}

/** Lists at most `max` items, then "외 N곳" (Korean) or "and N more" (English). */
export function listKo(items: readonly string[], max = 6, unit = '개'): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} 외 ${items.length - max}${unit}`;
}

export function listEn(items: readonly string[], max = 6): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
