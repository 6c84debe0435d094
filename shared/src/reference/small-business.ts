import { type KsicSection, ksicSection } from './ksic';

/**
 * 소상공인 thresholds (소상공인기본법 and 중소기업기본법 시행령 별표3): fewer than 10 regular employees in
 * mining, manufacturing, construction and transport; fewer than 5 elsewhere; and the 소기업 revenue cap of
 * the industry (3-year average). Revenue caps are the reference figures of small-business.md.
 */
const TEN_EMPLOYEE_SECTIONS: ReadonlySet<KsicSection> = new Set(['B', 'C', 'F', 'H']);

/** Employees must be fewer than this for the business to count as a 소상공인. */
export function smallBusinessEmployeeLimit(ksic: string): number {
  const section = ksicSection(ksic);
  return section && TEN_EMPLOYEE_SECTIONS.has(section) ? 10 : 5;
}

const EOK = 100_000_000;
/** Manufacturing divisions with the 120억 cap; the rest of C has 80억. */
const C_120 = new Set(['10', '11', '14', '15', '20', '21', '24', '25', '26', '27', '28', '29', '30', '32']);
const SECTION_CAP: Partial<Record<KsicSection, number>> = {
  A: 80,
  B: 80,
  D: 120,
  F: 80,
  H: 80,
  K: 80,
  G: 50,
  J: 50,
  M: 30,
  L: 30,
  N: 30,
  R: 30,
  I: 10,
  P: 10,
  Q: 10,
  S: 10,
};

/** The 소기업 revenue cap in won (3-year average revenue must not exceed it). */
export function smallBusinessRevenueCap(ksic: string): number {
  const section = ksicSection(ksic);
  const division = ksic.slice(0, 2);
  if (section === 'C') return (C_120.has(division) ? 120 : 80) * EOK;
  if (section === 'E') return (division === '36' ? 120 : 30) * EOK;
  return (section ? (SECTION_CAP[section] ?? 30) : 30) * EOK;
}
