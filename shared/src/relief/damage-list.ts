/**
 * Damage lists (피해 확인 명단) as local governments send them: a CSV file with one confirmed business a row —
 * 사업자등록번호, 피해확인일, and optionally 피해유형 and 피해금액 — in UTF-8 or CP949 (EUC-KR), with or without
 * a byte-order mark, with or without a header row. This module turns the file into checked rows and a list
 * of bad lines (line number, code, Korean reason); what needs the store (is the business registered, in the
 * disaster's area, already confirmed) is the import service's job.
 */
import { parseBusinessNumber } from '../business-number/business-number';
import { isIsoDate } from '../dates';

/**
 * Limits, enforced before any row is read (docs/limits.md). The bytes are what one Lambda request carries
 * (`MAX_CSV_BODY_BYTES`, under its 6 MB payload); 120,000 rows of number, date, kind and amount fit in them.
 */
export const DAMAGE_LIST_MAX_BYTES = 5 * 1024 * 1024;
export const DAMAGE_LIST_MAX_ROWS = 120_000;
export const DAMAGE_LIST_MAX_FIELD_LENGTH = 200;
/**
 * How long after a disaster's declared end a damage confirmation may be dated: offices confirm damage after
 * the event (the 2025 wildfires ended on 30 March; confirmations ran into April), but not open-endedly.
 */
export const DAMAGE_CONFIRMATION_GRACE_DAYS = 180;
/** Most bad lines reported one by one; the counts cover all of them. */
export const DAMAGE_LIST_MAX_REPORTED_ERRORS = 1_000;

/** What was damaged, as the confirmation says (optional column). */
export const DAMAGE_KINDS = ['facility', 'inventory', 'closure', 'flooding', 'fire', 'other'] as const;
export type DamageKind = (typeof DAMAGE_KINDS)[number];

export const DAMAGE_KIND_LABELS: Record<DamageKind, { ko: string; en: string }> = {
  facility: { ko: '시설 피해', en: 'Damage to premises or equipment' },
  inventory: { ko: '재고 피해', en: 'Loss of stock' },
  closure: { ko: '영업 중단', en: 'Forced closure' },
  flooding: { ko: '침수', en: 'Flooding' },
  fire: { ko: '화재·소실', en: 'Fire' },
  other: { ko: '기타 피해', en: 'Other damage' },
};

/** Words offices write in the kind column, to the kind they mean. */
const KIND_WORDS: Record<string, DamageKind> = {
  ...Object.fromEntries(DAMAGE_KINDS.map((k) => [k, k])),
  시설: 'facility',
  시설피해: 'facility',
  설비: 'facility',
  건물: 'facility',
  재고: 'inventory',
  재고피해: 'inventory',
  원자재: 'inventory',
  영업중단: 'closure',
  휴업: 'closure',
  침수: 'flooding',
  침수피해: 'flooding',
  화재: 'fire',
  소실: 'fire',
  화재·소실: 'fire',
  기타: 'other',
  기타피해: 'other',
};

export type DamageLineCode =
  | 'COLUMNS'
  | 'BRN_FORMAT'
  | 'BRN_CHECK_DIGIT'
  | 'DATE_FORMAT'
  | 'DATE_OUTSIDE_PERIOD'
  | 'KIND_UNKNOWN'
  | 'AMOUNT_FORMAT'
  | 'DUPLICATE'
  | 'FIELD_TOO_LONG'
  | 'UNCLOSED_QUOTE'
  | 'UNKNOWN_BUSINESS'
  | 'OUTSIDE_AREA'
  | 'TOO_MANY_RECORDS'
  | 'TOO_MANY_ROWS';

export interface DamageLineError {
  /** 1-based line of the file where the row starts. */
  line: number;
  code: DamageLineCode;
  message: string;
}

export interface DamageRow {
  line: number;
  brn: string;
  confirmedOn: string;
  kind?: DamageKind;
  amountWon?: number;
}

export type DamageListEncoding = 'utf-8' | 'cp949';

/** File-level problems: nothing in the file is read. */
export type DamageFileProblem = 'EMPTY' | 'TOO_LARGE' | 'NO_COLUMNS';

export class DamageFileError extends Error {
  constructor(
    readonly code: DamageFileProblem,
    message: string,
  ) {
    super(message);
    this.name = 'DamageFileError';
  }
}

/**
 * Text of the file: UTF-8 when it decodes as UTF-8 (a BOM is dropped), else CP949 — what Excel on a Korean
 * Windows writes as "CSV". The WHATWG `euc-kr` decoder is CP949 (it has the extended Hangul too).
 */
export function decodeDamageList(bytes: Uint8Array): { text: string; encoding: DamageListEncoding } {
  if (bytes.byteLength > DAMAGE_LIST_MAX_BYTES)
    throw new DamageFileError(
      'TOO_LARGE',
      `파일이 너무 큽니다. ${DAMAGE_LIST_MAX_BYTES / 1024 / 1024}MB 이하로 나누어 올려 주세요.`,
    );
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('euc-kr').decode(bytes), encoding: 'cp949' };
  }
}

/** One CSV record and the line it starts on; `unclosed` when the file ended inside a quoted field. */
interface CsvRecord {
  line: number;
  fields: string[];
  unclosed?: boolean;
}

/**
 * RFC 4180 records with their starting line numbers: commas, quoted fields with doubled quotes and line breaks
 * inside, CRLF or LF, blank lines skipped. A file cut off inside a quote gives its last record `unclosed`
 * rather than swallowing or failing the whole file.
 */
export function* csvRecords(text: string): Generator<CsvRecord> {
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let unclosed = false;
    for (;;) {
      if (text[i] === '"') {
        i++;
        let closed = false;
        while (i < n) {
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (ch === '\n') line++;
          field += ch;
          i++;
        }
        if (!closed) unclosed = true;
      }
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      fields.push(field);
      field = '';
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    const blank = fields.length === 1 && fields[0]!.trim() === '';
    if (!blank) yield unclosed ? { line: start, fields, unclosed } : { line: start, fields };
  }
}

type Column = 'brn' | 'confirmedOn' | 'kind' | 'amount';

const HEADER_WORDS: Record<string, Column> = {
  사업자등록번호: 'brn',
  사업자번호: 'brn',
  brn: 'brn',
  businessnumber: 'brn',
  피해확인일: 'confirmedOn',
  확인일: 'confirmedOn',
  확인일자: 'confirmedOn',
  피해확인일자: 'confirmedOn',
  confirmedon: 'confirmedOn',
  date: 'confirmedOn',
  피해유형: 'kind',
  피해구분: 'kind',
  피해종류: 'kind',
  kind: 'kind',
  피해금액: 'amount',
  피해액: 'amount',
  피해금액원: 'amount',
  amount: 'amount',
  amountwon: 'amount',
};

const squeeze = (s: string) => s.replace(/[\s_()·-]/g, '').toLowerCase();

/** Column positions from a header row, or undefined when the first row is data. */
function columnsOf(fields: string[]): Partial<Record<Column, number>> | undefined {
  const found: Partial<Record<Column, number>> = {};
  fields.forEach((f, i) => {
    const col = HEADER_WORDS[squeeze(f)];
    if (col && found[col] === undefined) found[col] = i;
  });
  return found.brn !== undefined || found.confirmedOn !== undefined ? found : undefined;
}

const POSITIONAL: Record<Column, number> = { brn: 0, confirmedOn: 1, kind: 2, amount: 3 };

/** `2026-12-03`, `2026.12.03`, `2026. 12. 3.`, `2026/12/3`, `20261203`, `2026년 12월 3일` → ISO, or undefined. */
export function parseKoreanDate(input: string): string | undefined {
  const s = input.trim();
  const m =
    s.match(/^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\.?$/) ??
    s.match(/^(\d{4})(\d{2})(\d{2})$/) ??
    s.match(/^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일$/);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** `1,200,000`, `1200000`, `1,200,000원` → won; undefined when not a whole, non-negative amount. */
export function parseWon(input: string): number | undefined {
  const s = input.trim().replace(/,/g, '').replace(/원$/, '');
  if (!/^\d{1,13}$/.test(s)) return undefined;
  return Number(s);
}

export interface ParsedDamageList {
  encoding: DamageListEncoding;
  /** Rows whose own content is valid, in file order (the service checks them against the store). */
  rows: DamageRow[];
  /** Every bad line, in file order (the service adds its own and truncates the report). */
  errors: DamageLineError[];
  /** Data rows read (good and bad), header excluded. */
  total: number;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const minIso = (a: string, b: string) => (a < b ? a : b);

const koDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${Number(y)}년 ${Number(m)}월 ${Number(d)}일`;
};

/**
 * Reads a damage list for one disaster: every row is checked on its own (number and check digit, a real date
 * within the disaster's period, a known kind, a whole amount) and against the rows before it (a business twice
 * is reported on the later line). Bad rows are reported, good ones returned; nothing is thrown for a bad row.
 */
export function parseDamageList(
  bytes: Uint8Array,
  disaster: { startDate: string; endDate: string },
  today: string,
): ParsedDamageList {
  const latest = minIso(addDays(disaster.endDate, DAMAGE_CONFIRMATION_GRACE_DAYS), today);
  if (bytes.byteLength === 0)
    throw new DamageFileError('EMPTY', '빈 파일입니다. 피해 확인 명단 CSV 파일을 올려 주세요.');
  const { text, encoding } = decodeDamageList(bytes);
  const rows: DamageRow[] = [];
  const errors: DamageLineError[] = [];
  const firstLineOf = new Map<string, number>();
  let columns: Partial<Record<Column, number>> | undefined;
  let first = true;
  let total = 0;
  const reject = (line: number, code: DamageLineCode, message: string) =>
    errors.push({ line, code, message });

  for (const record of csvRecords(text)) {
    if (first) {
      first = false;
      columns = columnsOf(record.fields);
      if (columns) {
        if (columns.brn === undefined || columns.confirmedOn === undefined)
          throw new DamageFileError(
            'NO_COLUMNS',
            '첫 줄에 사업자등록번호와 피해확인일 열이 모두 있어야 합니다. 양식의 제목 줄을 확인해 주세요.',
          );
        continue;
      }
      columns = POSITIONAL;
    }
    total++;
    const { line, fields } = record;
    if (total > DAMAGE_LIST_MAX_ROWS) {
      reject(
        line,
        'TOO_MANY_ROWS',
        `한 번에 ${DAMAGE_LIST_MAX_ROWS.toLocaleString('ko-KR')}행까지 올릴 수 있습니다. 이 줄부터는 읽지 않았습니다.`,
      );
      total--;
      break;
    }
    if (record.unclosed) {
      reject(
        line,
        'UNCLOSED_QUOTE',
        '따옴표(")가 닫히지 않은 채 파일이 끝났습니다. 파일이 잘렸는지 확인해 주세요.',
      );
      continue;
    }
    if (fields.some((f) => f.length > DAMAGE_LIST_MAX_FIELD_LENGTH)) {
      reject(line, 'FIELD_TOO_LONG', `한 칸에 ${DAMAGE_LIST_MAX_FIELD_LENGTH}자까지 쓸 수 있습니다.`);
      continue;
    }
    const cell = (c: Column) => {
      const at = columns![c];
      return at === undefined ? undefined : fields[at]?.trim();
    };
    const brnText = cell('brn');
    const dateText = cell('confirmedOn');
    if (!brnText || !dateText) {
      reject(
        line,
        'COLUMNS',
        '사업자등록번호와 피해확인일이 모두 있어야 합니다. 줄이 잘렸거나 칸이 비어 있습니다.',
      );
      continue;
    }
    const brn = parseBusinessNumber(brnText);
    if (!brn.ok) {
      reject(
        line,
        brn.problem === 'format' ? 'BRN_FORMAT' : 'BRN_CHECK_DIGIT',
        brn.problem === 'format'
          ? '사업자등록번호는 숫자 10자리여야 합니다.'
          : '사업자등록번호의 검증번호가 맞지 않습니다. 번호를 다시 확인해 주세요.',
      );
      continue;
    }
    const confirmedOn = parseKoreanDate(dateText);
    if (!confirmedOn) {
      reject(line, 'DATE_FORMAT', '피해확인일은 2026-12-03이나 2026.12.03처럼 실제 있는 날짜로 써 주세요.');
      continue;
    }
    if (confirmedOn < disaster.startDate) {
      reject(
        line,
        'DATE_OUTSIDE_PERIOD',
        `피해확인일(${koDate(confirmedOn)})이 재난 시작일(${koDate(disaster.startDate)})보다 앞섭니다.`,
      );
      continue;
    }
    if (confirmedOn > latest) {
      reject(
        line,
        'DATE_OUTSIDE_PERIOD',
        latest === today
          ? `피해확인일(${koDate(confirmedOn)})이 오늘보다 뒤입니다.`
          : `피해확인일(${koDate(confirmedOn)})이 재난 종료일(${koDate(disaster.endDate)})에서 ${DAMAGE_CONFIRMATION_GRACE_DAYS}일이 지난 뒤입니다.`,
      );
      continue;
    }
    const kindText = cell('kind');
    let kind: DamageKind | undefined;
    if (kindText) {
      kind = KIND_WORDS[squeeze(kindText)] ?? KIND_WORDS[kindText];
      if (!kind) {
        reject(
          line,
          'KIND_UNKNOWN',
          `피해유형은 ${DAMAGE_KINDS.map((k) => DAMAGE_KIND_LABELS[k].ko).join(', ')} 중 하나로 써 주세요.`,
        );
        continue;
      }
    }
    const amountText = cell('amount');
    let amountWon: number | undefined;
    if (amountText) {
      amountWon = parseWon(amountText);
      if (amountWon === undefined) {
        reject(line, 'AMOUNT_FORMAT', '피해금액은 1,200,000처럼 원 단위 정수로 써 주세요.');
        continue;
      }
    }
    const earlier = firstLineOf.get(brn.value);
    if (earlier !== undefined) {
      reject(
        line,
        'DUPLICATE',
        `같은 사업자등록번호가 ${earlier}번째 줄에 이미 있습니다. 한 사업자는 한 번만 적어 주세요.`,
      );
      continue;
    }
    firstLineOf.set(brn.value, line);
    rows.push({
      line,
      brn: brn.value,
      confirmedOn,
      ...(kind ? { kind } : {}),
      ...(amountWon !== undefined ? { amountWon } : {}),
    });
  }
  return { encoding, rows, errors, total };
}
