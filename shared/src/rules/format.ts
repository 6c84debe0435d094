/**
 * Korean (and English) formatting for rule texts: particles that follow the last syllable, won amounts in
 * 만원/억원, dates, and lists.
 */

/** Digits and Latin letters as read aloud, by whether the reading ends in a final consonant (받침). */
const DIGIT_BATCHIM = [true, true, false, true, false, false, true, true, true, false]; // 영 일 이 삼 사 오 육 칠 팔 구
const LETTER_BATCHIM = new Set(['L', 'M', 'N', 'R']); // 엘 엠 엔 알

/**
 * True when the spoken form of `word` ends in a final consonant. A trailing parenthetical is skipped, as the
 * particle follows the word before it: "제조업(C)이어야", "예비창업자(사업자등록 전)여야".
 */
export function hasBatchim(word: string): boolean {
  const bare = word.replace(/(\s*\([^()]*\))+\s*$/, '');
  const w = bare.length > 0 ? bare : word;
  for (let i = w.length - 1; i >= 0; i--) {
    const ch = w[i]!;
    const code = ch.charCodeAt(0);
    if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 !== 0;
    if (ch >= '0' && ch <= '9') return DIGIT_BATCHIM[code - 48]!;
    if (/[A-Za-z]/.test(ch)) return LETTER_BATCHIM.has(ch.toUpperCase());
    if (ch === '%') return false; // 퍼센트
    if (!/[\s)\]」』'"’”.]/.test(ch)) return false;
  }
  return false;
}

/** `word` followed by the right particle: josa('소상공인', '이', '가') → '소상공인이'. */
export function josa(word: string, withBatchim: string, without: string): string {
  return word + (hasBatchim(word) ? withBatchim : without);
}

/** "…이어야" / "…여야": the copula "must be" after a noun phrase. */
export function mustBe(noun: string): string {
  return `${josa(noun, '이어야', '여야')} 합니다`;
}

/** "…이 아니어야" / "…가 아니어야". */
export function mustNotBe(noun: string): string {
  return `${josa(noun, '이', '가')} 아니어야 합니다`;
}

/** "…이면" / "…면". */
export function ifIs(noun: string): string {
  return josa(noun, '이면', '면');
}

/** "…이 아니면" / "…가 아니면". */
export function ifIsNot(noun: string): string {
  return `${josa(noun, '이', '가')} 아니면`;
}

/** Thousands separators without Intl (constructing a formatter per call is slow in the matching loop). */
function group(n: number): string {
  const [int, frac] = String(n).split('.');
  const sign = int!.startsWith('-') ? '-' : '';
  const digits = sign ? int!.slice(1) : int!;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac ? `.${frac}` : ''}`;
}

/** Won in Korean units: 300000000 → "3억원", 250000000 → "2억 5,000만원", 12345678 → "1,234만 5,678원". */
export function formatWon(won: number): string {
  if (!Number.isFinite(won)) return `${won}원`;
  if (won < 0) return `-${formatWon(-won)}`;
  const whole = Math.round(won);
  const eok = Math.floor(whole / 100_000_000);
  const man = Math.floor((whole % 100_000_000) / 10_000);
  const rest = whole % 10_000;
  const parts: string[] = [];
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
