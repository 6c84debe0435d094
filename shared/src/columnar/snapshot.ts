/**
 * The columnar snapshot: every business's rule-relevant facts as typed arrays, one row per business, built
 * in segments and concatenated. See layout.ts for the encoding and docs/columnar.md for the design.
 */
import type { BusinessProfile } from '../profile/profile';
import { parseIsoDay } from './calendar';
import {
  ABSENT8,
  ABSENT16,
  ABSENT32,
  allocateColumns,
  BIRTH_BASE,
  COLUMNS,
  type Columns,
  DAY_BASE,
  DAY_MAX,
  DICT_MAX,
  ESCAPE32,
  FLAG_BIT,
  NO_INDEX,
  PRE_STARTUP_BIT,
  RATE_SCALE,
  REVENUE_MAX,
  REVENUE_UNIT,
} from './layout';

/** The facts of a profile that rules read (no number, no names). */
export type RuleProfile = Omit<BusinessProfile, 'brn' | 'tradeName' | 'representativeName'>;

/** Sparse side table: rows with prior support or damage confirmations, and their entries (CSR). */
export interface Extras {
  /** Ascending row indexes that have entries. */
  rows: Uint32Array;
  /** Entries of `rows[i]` are `items[start[i]] … items[start[i + 1] - 1]`; length rows.length + 1. */
  start: Uint32Array;
  /** Indexes into the snapshot's `extraKeys`. */
  items: Uint32Array;
}

/** Rows whose facts the compact columns cannot hold exactly, with their rule-relevant profile. */
export interface Irregular {
  rows: Uint32Array;
  profiles: readonly RuleProfile[];
}

/**
 * Exact values of a column for the rows its compact form cannot hold (revenue that is not a whole multiple
 * of 1,000 won): ascending rows, each with its value. The column holds ESCAPE32 for them.
 */
export interface ExactValues {
  rows: Uint32Array;
  values: Float64Array;
}

export interface Snapshot {
  readonly rows: number;
  readonly cols: Columns;
  /** 시군구 codes; `cols.region` indexes it. */
  readonly regions: readonly string[];
  /** KSIC codes; `cols.ksic` indexes it. */
  readonly ksic: readonly string[];
  /** `p:<year>:<programId>` (prior support) and `d:<disasterId>` (damage confirmed) entries. */
  readonly extraKeys: readonly string[];
  readonly extras: Extras;
  readonly irregular: Irregular;
  /** Revenue figures kept exactly beside their compact columns. */
  readonly exact: { revenue: ExactValues; revenueAvg3y: ExactValues };
}

export const emptyExact = (): ExactValues => ({ rows: new Uint32Array(0), values: new Float64Array(0) });

export const priorSupportKey = (programId: string, year: number) => `p:${year}:${programId}`;
export const damageKey = (disasterId: string) => `d:${disasterId}`;

/** Parses an extra key: prior support (program, year) or a damage confirmation (disaster). */
export function parseExtraKey(
  key: string,
): { kind: 'priorSupport'; programId: string; year: number } | { kind: 'damage'; disasterId: string } {
  if (key.startsWith('d:')) return { kind: 'damage', disasterId: key.slice(2) };
  const colon = key.indexOf(':', 2);
  return { kind: 'priorSupport', year: Number(key.slice(2, colon)), programId: key.slice(colon + 1) };
}

/** The side-table dictionary is indexed by u32. */
const EXTRA_MAX = 0xffff_fffe;

class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly max = DICT_MAX) {}

  /** The index of `value`, added if new; NO_INDEX when the dictionary is full. */
  add(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      if (this.values.length >= this.max) return NO_INDEX;
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

const ruleProfileOf = (p: BusinessProfile | RuleProfile): RuleProfile => {
  const { brn: _b, tradeName: _t, representativeName: _r, ...rest } = p as BusinessProfile;
  return rest;
};

/** The stored day offset of a date, ABSENT16 when absent, or -1 when it cannot be stored. */
function encodeDay(iso: string | undefined): number {
  if (iso === undefined) return ABSENT16;
  const offset = parseIsoDay(iso) - DAY_BASE;
  return offset >= 0 && offset <= DAY_MAX ? offset : -1;
}

/** The stored revenue (in units), ABSENT32 when absent, or -1 when it cannot be stored exactly. */
function encodeRevenue(v: number | undefined): number {
  if (v === undefined) return ABSENT32;
  const k = v / REVENUE_UNIT;
  return Number.isInteger(k) && k >= 0 && k <= REVENUE_MAX && k * REVENUE_UNIT === v ? k : -1;
}

/** Appends profiles row by row into growing columns; `build()` returns the snapshot. */
export class SnapshotBuilder {
  private cols: Columns;
  private capacity: number;
  private count = 0;
  private readonly regionDict = new Dictionary();
  private readonly ksicDict = new Dictionary();
  private readonly extraDict = new Dictionary(EXTRA_MAX);
  private readonly extraRows: number[] = [];
  private readonly extraStart: number[] = [0];
  private readonly extraItems: number[] = [];
  private readonly irregularRows: number[] = [];
  private readonly irregularProfiles: RuleProfile[] = [];
  private readonly exactRows = { revenue: [] as number[], revenueAvg3y: [] as number[] };
  private readonly exactValues = { revenue: [] as number[], revenueAvg3y: [] as number[] };

  constructor(capacity = 1024) {
    this.capacity = Math.max(1, capacity);
    this.cols = allocateColumns(this.capacity);
  }

  get rows(): number {
    return this.count;
  }

  /** Appends one profile; returns its row index. */
  append(p: BusinessProfile | RuleProfile): number {
    if (this.count === this.capacity) this.grow(this.capacity * 2);
    const row = this.count++;
    const c = this.cols;
    let regular = true;

    const region = this.regionDict.add(p.regionCode);
    const ksic = this.ksicDict.add(p.ksic);
    if (region === NO_INDEX || ksic === NO_INDEX) regular = false;
    c.region[row] = region;
    c.ksic[row] = ksic;

    const opening = encodeDay(p.openingDate);
    const closure = encodeDay(p.closureDate);
    const planned = encodeDay(p.plannedClosureDate);
    const previous = encodeDay(p.previousClosureDate);
    if (opening < 0 || closure < 0 || planned < 0 || previous < 0) regular = false;
    c.opening[row] = opening < 0 ? ABSENT16 : opening;
    c.closure[row] = closure < 0 ? ABSENT16 : closure;
    c.planned[row] = planned < 0 ? ABSENT16 : planned;
    c.previous[row] = previous < 0 ? ABSENT16 : previous;

    const e = p.employees;
    if (e === undefined) c.employees[row] = ABSENT16;
    else if (Number.isInteger(e) && e >= 0 && e <= DAY_MAX) c.employees[row] = e;
    else regular = false;

    for (const field of ['revenue', 'revenueAvg3y'] as const) {
      const encoded = encodeRevenue(p[field]);
      if (encoded >= 0) c[field][row] = encoded;
      else {
        // Not a whole number of thousands: the exact figure goes to the column's exception list.
        c[field][row] = ESCAPE32;
        this.exactRows[field].push(row);
        this.exactValues[field].push(p[field]!);
      }
    }

    const y = p.ownerBirthYear;
    if (y === undefined) c.birthYear[row] = ABSENT8;
    else if (Number.isInteger(y) && y >= BIRTH_BASE && y < BIRTH_BASE + ABSENT8)
      c.birthYear[row] = y - BIRTH_BASE;
    else regular = false;

    const rate = p.highestLoanRate;
    if (rate === undefined) c.loanRate[row] = ABSENT16;
    else {
      const k = Math.round(rate * RATE_SCALE);
      if (k >= 0 && k <= DAY_MAX && k / RATE_SCALE === rate) c.loanRate[row] = k;
      else regular = false;
    }

    let known = 0;
    let value = 0;
    for (const f in p.flags) {
      const v = p.flags[f as keyof typeof p.flags];
      const bit = FLAG_BIT[f as keyof typeof FLAG_BIT];
      if (v === undefined || bit === undefined) continue;
      known |= bit;
      if (v) value |= bit;
    }
    if (p.preStartup === true) value |= PRE_STARTUP_BIT;
    c.flagKnown[row] = known;
    c.flagValue[row] = value;

    if (p.priorSupport.length > 0 || p.disasterDamage.length > 0) {
      const items = new Set<number>();
      for (const s of p.priorSupport) items.add(this.extraDict.add(priorSupportKey(s.programId, s.year)));
      for (const d of p.disasterDamage) items.add(this.extraDict.add(damageKey(d.disasterId)));
      this.extraRows.push(row);
      for (const i of [...items].sort((a, b) => a - b)) this.extraItems.push(i);
      this.extraStart.push(this.extraItems.length);
    }

    if (!regular) {
      this.irregularRows.push(row);
      this.irregularProfiles.push(ruleProfileOf(p));
    }
    return row;
  }

  private grow(capacity: number): void {
    const next = allocateColumns(capacity);
    for (const { name } of COLUMNS) next[name].set(this.cols[name].subarray(0, this.count) as never);
    this.cols = next;
    this.capacity = capacity;
  }

  /** The snapshot of the rows appended so far (the builder should not be used afterwards). */
  build(): Snapshot {
    if (this.capacity !== this.count) this.grow(this.count);
    return {
      rows: this.count,
      cols: this.cols,
      regions: this.regionDict.values,
      ksic: this.ksicDict.values,
      extraKeys: this.extraDict.values,
      extras: {
        rows: Uint32Array.from(this.extraRows),
        start: Uint32Array.from(this.extraStart),
        items: Uint32Array.from(this.extraItems),
      },
      irregular: { rows: Uint32Array.from(this.irregularRows), profiles: this.irregularProfiles },
      exact: {
        revenue: {
          rows: Uint32Array.from(this.exactRows.revenue),
          values: Float64Array.from(this.exactValues.revenue),
        },
        revenueAvg3y: {
          rows: Uint32Array.from(this.exactRows.revenueAvg3y),
          values: Float64Array.from(this.exactValues.revenueAvg3y),
        },
      },
    };
  }
}

/** Builds a snapshot of profiles in one go. */
export function buildSnapshot(
  profiles: Iterable<BusinessProfile | RuleProfile>,
  capacity?: number,
): Snapshot {
  const b = new SnapshotBuilder(capacity);
  for (const p of profiles) b.append(p);
  return b.build();
}

/** Remaps dictionary indexes of `source` into `target`, adding new entries. */
function remap(source: readonly string[], target: Dictionary): Uint32Array {
  return Uint32Array.from(source, (v) => target.add(v));
}

/** Joins snapshot parts, in order, into one snapshot (dictionaries merged, rows renumbered). */
export function concatSnapshots(parts: readonly Snapshot[]): Snapshot {
  if (parts.length === 1) return parts[0]!;
  const rows = parts.reduce((n, p) => n + p.rows, 0);
  const cols = allocateColumns(rows);
  const regions = new Dictionary();
  const ksic = new Dictionary();
  const extraKeys = new Dictionary(EXTRA_MAX);
  const extraRows: number[] = [];
  const extraStart: number[] = [0];
  const extraItems: number[] = [];
  const irregularRows: number[] = [];
  const irregularProfiles: RuleProfile[] = [];
  const exact = {
    revenue: { rows: [] as number[], values: [] as number[] },
    revenueAvg3y: { rows: [] as number[], values: [] as number[] },
  };
  let offset = 0;
  for (const part of parts) {
    for (const { name } of COLUMNS) cols[name].set(part.cols[name] as never, offset);
    const regionMap = remap(part.regions, regions);
    const ksicMap = remap(part.ksic, ksic);
    const extraMap = remap(part.extraKeys, extraKeys);
    const [reg, ind] = [cols.region, cols.ksic];
    for (let i = 0; i < part.rows; i++) {
      const r = part.cols.region[i]!;
      const k = part.cols.ksic[i]!;
      reg[offset + i] = r === NO_INDEX ? NO_INDEX : regionMap[r]!;
      ind[offset + i] = k === NO_INDEX ? NO_INDEX : ksicMap[k]!;
    }
    if (regions.values.length >= DICT_MAX || ksic.values.length >= DICT_MAX)
      throw new RangeError(`snapshot dictionaries are limited to ${DICT_MAX} regions and industries`);
    const ex = part.extras;
    for (let j = 0; j < ex.rows.length; j++) {
      extraRows.push(ex.rows[j]! + offset);
      // Entries are kept in dictionary order within a row; remapping can change that order.
      const items = Array.from(ex.items.subarray(ex.start[j]!, ex.start[j + 1]!), (i) => extraMap[i]!);
      for (const i of items.sort((a, b) => a - b)) extraItems.push(i);
      extraStart.push(extraItems.length);
    }
    part.irregular.rows.forEach((r, j) => {
      irregularRows.push(r + offset);
      irregularProfiles.push(part.irregular.profiles[j]!);
    });
    for (const field of ['revenue', 'revenueAvg3y'] as const) {
      const from = part.exact[field];
      from.rows.forEach((r, j) => {
        exact[field].rows.push(r + offset);
        exact[field].values.push(from.values[j]!);
      });
    }
    offset += part.rows;
  }
  return {
    rows,
    cols,
    regions: regions.values,
    ksic: ksic.values,
    extraKeys: extraKeys.values,
    extras: {
      rows: Uint32Array.from(extraRows),
      start: Uint32Array.from(extraStart),
      items: Uint32Array.from(extraItems),
    },
    irregular: { rows: Uint32Array.from(irregularRows), profiles: irregularProfiles },
    exact: {
      revenue: {
        rows: Uint32Array.from(exact.revenue.rows),
        values: Float64Array.from(exact.revenue.values),
      },
      revenueAvg3y: {
        rows: Uint32Array.from(exact.revenueAvg3y.rows),
        values: Float64Array.from(exact.revenueAvg3y.values),
      },
    },
  };
}
