import { REGIONS_EFFECTIVE_FROM, SIDO_ROWS, SIGUNGU_ROWS } from './regions.data';

/** A 시도 (province-level division), by its 2-digit standard code. */
export interface Sido {
  code: string;
  name: string;
  /** Short name used in tight places (서울, 경기, …). */
  shortName: string;
}

/** A 시군구 (municipal district), by its 5-digit 행정표준코드; its 시도 is the first two digits. */
export interface Sigungu {
  code: string;
  sidoCode: string;
  name: string;
  /** The KOSTAT 2018 statistical-geography code of the map polygon that covers it. */
  kostat2018Code: string;
}

const SHORT_NAMES: Record<string, string> = {
  '11': '서울',
  '26': '부산',
  '27': '대구',
  '28': '인천',
  '29': '광주',
  '30': '대전',
  '31': '울산',
  '36': '세종',
  '41': '경기',
  '51': '강원',
  '43': '충북',
  '44': '충남',
  '52': '전북',
  '46': '전남',
  '47': '경북',
  '48': '경남',
  '50': '제주',
};

/** The date from which this region list is in force (region data is versioned). */
export const regionsEffectiveFrom = REGIONS_EFFECTIVE_FROM;

export const SIDOS: readonly Sido[] = SIDO_ROWS.map(([code, name]) => ({
  code,
  name,
  shortName: SHORT_NAMES[code] ?? name,
}));

export const SIGUNGUS: readonly Sigungu[] = SIGUNGU_ROWS.map(([code, name, kostat2018Code]) => ({
  code,
  sidoCode: code.slice(0, 2),
  name,
  kostat2018Code,
}));

const sidoByCode = new Map(SIDOS.map((s) => [s.code, s]));
const sigunguByCode = new Map(SIGUNGUS.map((s) => [s.code, s]));

export function findSido(code: string): Sido | undefined {
  return sidoByCode.get(code);
}

export function findSigungu(code: string): Sigungu | undefined {
  return sigunguByCode.get(code);
}

/** True for a known 2-digit 시도 or 5-digit 시군구 code. */
export function isRegionCode(code: string): boolean {
  return code.length === 2 ? sidoByCode.has(code) : code.length === 5 && sigunguByCode.has(code);
}

/** Korean display name: "경상북도" for a 시도, "경상북도 의성군" for a 시군구. */
export function regionName(code: string): string {
  if (code.length === 2) return sidoByCode.get(code)?.name ?? code;
  const sgg = sigunguByCode.get(code);
  if (!sgg) return code;
  return `${sidoByCode.get(sgg.sidoCode)?.name ?? ''} ${sgg.name}`.trim();
}

/** The 17 시도 romanized (Revised Romanization, as the government writes them), for the English pages. */
export const SIDO_NAMES_EN: Readonly<Record<string, string>> = {
  '11': 'Seoul',
  '26': 'Busan',
  '27': 'Daegu',
  '28': 'Incheon',
  '29': 'Gwangju',
  '30': 'Daejeon',
  '31': 'Ulsan',
  '36': 'Sejong',
  '41': 'Gyeonggi-do',
  '51': 'Gangwon-do',
  '43': 'Chungcheongbuk-do',
  '44': 'Chungcheongnam-do',
  '52': 'Jeonbuk-do',
  '46': 'Jeollanam-do',
  '47': 'Gyeongsangbuk-do',
  '48': 'Gyeongsangnam-do',
  '50': 'Jeju-do',
};
