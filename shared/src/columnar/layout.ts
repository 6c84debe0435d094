/**
 * The columns of a snapshot and how each fact is encoded. Every column is compact and exact: a value the
 * compact form cannot hold exactly (a date outside 1900–2079, revenue that is not a multiple of 1,000 won,
 * …) makes the whole row *irregular*, kept as a small profile on the side and evaluated by the per-business
 * engine, so the vectorized filter never rounds.
 */
import { FLAGS, type Flag } from '../profile/profile';

/** Day numbers are stored as u16 offsets from 1900-01-01. */
export const DAY_BASE = -25_567;
/** Largest storable offset (2079-06-04); larger ones are irregular. */
export const DAY_MAX = 0xfffd;
/** Absent value of every u16 column. */
export const ABSENT16 = 0xffff;
/** Absent value of the u32 revenue columns. */
export const ABSENT32 = 0xffff_ffff;
/** Largest storable revenue, in thousands of won. */
export const REVENUE_MAX = 0xffff_fffd;
/** Revenue column value of a row whose exact revenue is in the column's exception list. */
export const ESCAPE32 = 0xffff_fffe;
/** Revenue is stored in this many won. */
export const REVENUE_UNIT = 1_000;
/** Birth year stored as an offset from this year (schema range 1900–2100). */
export const BIRTH_BASE = 1900;
export const ABSENT8 = 0xff;
/** Highest loan rate stored in hundredths of a percent. */
export const RATE_SCALE = 100;
/** Region or industry index of a row whose code did not fit its dictionary (the row is irregular). */
export const NO_INDEX = 0xffff;
/** Dictionaries hold at most this many entries. */
export const DICT_MAX = 0xfffe;

/** Bit of each flag in the known and value masks. */
export const FLAG_BIT: Readonly<Record<Flag, number>> = Object.fromEntries(
  FLAGS.map((f, i) => [f, 1 << i]),
) as Record<Flag, number>;
/** Value-mask bit of `preStartup: true`. */
export const PRE_STARTUP_BIT = 1 << 15;

export type ColumnType = 'u8' | 'u16' | 'u32';

export const COLUMNS = [
  { name: 'region', type: 'u16' },
  { name: 'ksic', type: 'u16' },
  { name: 'opening', type: 'u16' },
  { name: 'closure', type: 'u16' },
  { name: 'planned', type: 'u16' },
  { name: 'previous', type: 'u16' },
  { name: 'employees', type: 'u16' },
  { name: 'revenue', type: 'u32' },
  { name: 'revenueAvg3y', type: 'u32' },
  { name: 'birthYear', type: 'u8' },
  { name: 'loanRate', type: 'u16' },
  { name: 'flagKnown', type: 'u16' },
  { name: 'flagValue', type: 'u16' },
] as const satisfies readonly { name: string; type: ColumnType }[];

export type ColumnName = (typeof COLUMNS)[number]['name'];

type ArrayOf<T extends ColumnType> = T extends 'u8'
  ? Uint8Array
  : T extends 'u16'
    ? Uint16Array
    : Uint32Array;
export type Columns = { [C in (typeof COLUMNS)[number] as C['name']]: ArrayOf<C['type']> };

export const BYTES: Record<ColumnType, number> = { u8: 1, u16: 2, u32: 4 };

/** Allocates empty columns for `rows` rows (optionally inside a SharedArrayBuffer-backed arena). */
export function allocateColumns(rows: number): Columns {
  const cols: Record<string, Uint8Array | Uint16Array | Uint32Array> = {};
  for (const c of COLUMNS) {
    cols[c.name] =
      c.type === 'u8'
        ? new Uint8Array(rows)
        : c.type === 'u16'
          ? new Uint16Array(rows)
          : new Uint32Array(rows);
  }
  return cols as Columns;
}

/** Bytes per row of the fixed columns. */
export const FIXED_BYTES_PER_ROW = COLUMNS.reduce((sum, c) => sum + BYTES[c.type], 0);
