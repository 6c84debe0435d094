import {
  ConflictError,
  type DamageConfirmation,
  NotFoundError,
  type Repositories,
  type StoredBusiness,
  ValidationError,
} from '@sbiz24/shared';
import { todayInKorea } from '@sbiz24/shared/dates';
import {
  DAMAGE_LIST_MAX_REPORTED_ERRORS,
  DamageFileError,
  type DamageLineCode,
  type DamageLineError,
  type DamageListEncoding,
  type DamageRow,
  parseDamageList,
} from '@sbiz24/shared/relief/damage-list';
import { mapWithConcurrency } from '../store/batch';
import type { Caller, ProgramChangeEvent } from './types';

/** Profiles written between two progress reports. */
const WRITE_CHUNK = 1_000;
/** Chunks written at once (each `updateProfiles` call has its own transactions of 100 in flight). */
const WRITE_CONCURRENCY = 4;
/** Rounds of re-reading businesses edited during the import before giving up (409, nothing lost). */
const MAX_REPLANS = 3;
const BUSY =
  '명단을 반영하는 동안 사업자 정보가 계속 바뀌었습니다. 잠시 뒤 다시 올려 주세요. 이미 반영된 줄은 그대로 둡니다.';

/** Most damage records one profile holds (the profile schema's limit). */
const MAX_DAMAGE_RECORDS = 50;

export interface DamageImportDeps {
  repos: Pick<Repositories, 'businesses' | 'disasters' | 'audit'>;
  clock: () => Date;
  /** Starts the recompute that makes the confirmed businesses match the relief programs. */
  notify: (event: ProgramChangeEvent) => Promise<void>;
}

export interface DamageImportOptions {
  /** Check and count, store nothing. */
  dryRun: boolean;
  /** Called as rows are checked and written: `done` of `total` rows. */
  onProgress?: (done: number, total: number) => void;
}

export interface DamageImportResult {
  dryRun: boolean;
  encoding: DamageListEncoding;
  counts: { total: number; new: number; updated: number; unchanged: number; rejected: number };
  /** Rejected rows by reason code. */
  rejectedBy: Partial<Record<DamageLineCode, number>>;
  /** The first bad lines in file order, each with its reason (all of them are counted above). */
  errors: DamageLineError[];
  errorsTruncated: boolean;
}

type Plan = { row: DamageRow; kind: 'new' | 'updated' | 'unchanged' | 'rejected'; business: StoredBusiness };

function confirmationOf(row: DamageRow, disasterId: string): DamageConfirmation {
  return {
    disasterId,
    confirmedOn: row.confirmedOn,
    ...(row.kind ? { kind: row.kind } : {}),
    ...(row.amountWon !== undefined ? { amountWon: row.amountWon } : {}),
  };
}

const sameConfirmation = (a: DamageConfirmation, b: DamageConfirmation) =>
  a.confirmedOn === b.confirmedOn && a.kind === b.kind && a.amountWon === b.amountWon;

/**
 * Damage lists imported by staff: a local government's CSV of confirmed businesses becomes each business's
 * damage confirmation for the disaster (profile `disasterDamage`), so the disaster-relief programs match
 * them on the next recompute, which the import starts. Every row is checked first; a bad row is reported
 * with its line and reason and never stops the good ones; a row already recorded the same way changes
 * nothing, so importing a file twice writes nothing the second time. Each profile write is conditional on
 * the version it was planned on (a business edited meanwhile is re-read and planned again).
 */
export function createDamageImportService({ repos, clock, notify }: DamageImportDeps) {
  /** What a checked row would do to its business, or why it cannot be applied. */
  function plan(
    row: DamageRow,
    business: StoredBusiness | undefined,
    disaster: { id: string; regionCodes: readonly string[] },
  ): Plan | DamageLineError {
    if (!business)
      return {
        line: row.line,
        code: 'UNKNOWN_BUSINESS',
        message: '포털에 등록되지 않은 사업자등록번호입니다. 번호를 확인해 주세요.',
      };
    if (!disaster.regionCodes.includes(business.profile.regionCode))
      return {
        line: row.line,
        code: 'OUTSIDE_AREA',
        message: '사업장 소재지가 이 재난의 피해 지역(시군구) 밖에 있습니다.',
      };
    const records = business.profile.disasterDamage;
    const existing = records.find((d) => d.disasterId === disaster.id);
    if (existing)
      return {
        row,
        business,
        kind: sameConfirmation(existing, confirmationOf(row, disaster.id)) ? 'unchanged' : 'updated',
      };
    if (records.length >= MAX_DAMAGE_RECORDS)
      return {
        line: row.line,
        code: 'TOO_MANY_RECORDS',
        message: `한 사업자에게 재난 피해 확인을 ${MAX_DAMAGE_RECORDS}건까지 기록할 수 있습니다.`,
      };
    return { row, business, kind: 'new' };
  }

  function withConfirmation(
    business: StoredBusiness,
    confirmation: DamageConfirmation,
  ): StoredBusiness['profile'] {
    const others = business.profile.disasterDamage.filter((d) => d.disasterId !== confirmation.disasterId);
    return { ...business.profile, disasterDamage: [...others, confirmation] };
  }

  return {
    async importList(
      caller: Caller,
      disasterId: string,
      file: Uint8Array,
      options: DamageImportOptions,
    ): Promise<DamageImportResult> {
      const disaster = await repos.disasters.get(disasterId);
      if (!disaster) throw new NotFoundError('선포된 재난 가운데 없는 재난입니다.', 'DISASTER_NOT_FOUND');
      let parsed: ReturnType<typeof parseDamageList>;
      try {
        parsed = parseDamageList(file, disaster, todayInKorea(clock));
      } catch (err) {
        if (err instanceof DamageFileError)
          throw new ValidationError(
            err.message,
            [{ path: 'file', message: err.message }],
            `DAMAGE_FILE_${err.code}`,
          );
        throw err;
      }
      const total = parsed.total;
      options.onProgress?.(0, total);
      const businesses = await repos.businesses.getMany(parsed.rows.map((r) => r.brn));
      const errors = [...parsed.errors];
      const plans: Plan[] = [];
      for (const row of parsed.rows) {
        const p = plan(row, businesses.get(row.brn), disaster);
        if ('code' in p) errors.push(p);
        else plans.push(p);
      }
      const counts = { total, new: 0, updated: 0, unchanged: 0, rejected: 0 };
      const checked = total - plans.filter((p) => p.kind !== 'unchanged').length;
      options.onProgress?.(options.dryRun ? total : checked, total);

      if (!options.dryRun) {
        let done = checked;
        let pending = plans.filter((p) => p.kind !== 'unchanged');
        // Written in chunks (one transaction per 100 profiles, each on its version). A business an owner saved
        // meanwhile is read again and planned again, at most a few rounds.
        for (let round = 0; pending.length > 0; round++) {
          const retry: Plan[] = [];
          const chunks: Plan[][] = [];
          for (let i = 0; i < pending.length; i += WRITE_CHUNK)
            chunks.push(pending.slice(i, i + WRITE_CHUNK));
          // Several chunks in flight: each is its own set of conditional transactions, so order does not matter.
          await mapWithConcurrency(chunks, WRITE_CONCURRENCY, async (chunk) => {
            const { conflicted } = await repos.businesses.updateProfiles(
              chunk.map((p) => ({
                brn: p.row.brn,
                profile: withConfirmation(p.business, confirmationOf(p.row, disaster.id)),
                expectedVersion: p.business.version,
              })),
            );
            const lost = new Set(conflicted);
            for (const p of chunk) if (lost.has(p.row.brn)) retry.push(p);
            done += chunk.length - lost.size;
            options.onProgress?.(done, total);
          });
          if (retry.length === 0) break;
          if (round >= MAX_REPLANS) throw new ConflictError(BUSY, 'DAMAGE_IMPORT_CONFLICT');
          const fresh = await repos.businesses.getMany(retry.map((p) => p.row.brn));
          pending = [];
          for (const p of retry) {
            const again = plan(p.row, fresh.get(p.row.brn), disaster);
            if ('code' in again) {
              errors.push(again);
              p.kind = 'rejected';
              done++;
            } else {
              p.kind = again.kind;
              p.business = again.business;
              if (again.kind === 'unchanged') done++;
              else pending.push(p);
            }
          }
        }
        options.onProgress?.(total, total);
      }

      for (const p of plans) if (p.kind !== 'rejected') counts[p.kind]++;
      errors.sort((a, b) => a.line - b.line);
      counts.rejected = errors.length;
      const rejectedBy: Partial<Record<DamageLineCode, number>> = {};
      for (const e of errors) rejectedBy[e.code] = (rejectedBy[e.code] ?? 0) + 1;

      if (!options.dryRun) {
        const at = clock().toISOString();
        await repos.audit.append({
          entityType: 'disaster',
          entityId: disaster.id,
          at,
          actorId: caller.sub,
          action: 'damage-import',
          summary: `피해 확인 명단 반영: ${total}행 중 신규 ${counts.new}, 변경 ${counts.updated}, 동일 ${counts.unchanged}, 거부 ${counts.rejected}`,
        });
        if (counts.new + counts.updated > 0)
          await notify({ type: 'damage-imported', disasterId: disaster.id, at });
      }
      return {
        dryRun: options.dryRun,
        encoding: parsed.encoding,
        counts,
        rejectedBy,
        errors: errors.slice(0, DAMAGE_LIST_MAX_REPORTED_ERRORS),
        errorsTruncated: errors.length > DAMAGE_LIST_MAX_REPORTED_ERRORS,
      };
    },
  };
}

export type DamageImportService = ReturnType<typeof createDamageImportService>;
