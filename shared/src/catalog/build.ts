import { type Disaster, DisasterSchema } from '../disaster/disaster';
import { type Program, ProgramDraftSchema, ProgramSchema } from '../program/program';
import { josa } from '../rules/format';
import { validateRule } from '../rules/schema';
import type { Rule } from '../rules/types';
import { type FieldError, validateWith } from '../validation';

/** One data file of the catalog: its path under `catalog/` (e.g. `programs/youth-fund.json`) and its parsed JSON. */
export interface CatalogFile {
  file: string;
  data: unknown;
}

/** The validated catalog: every program and every declared disaster. */
export interface Catalog {
  programs: Program[];
  disasters: Disaster[];
}

/** A problem with one catalog file, at a dotted field path (empty for the whole file). */
export interface CatalogProblem extends FieldError {
  file: string;
}

/** Thrown when catalog data is invalid; the message lists every file and field path, `problems` holds them. */
export class CatalogError extends Error {
  readonly code = 'CATALOG_INVALID';
  constructor(readonly problems: CatalogProblem[]) {
    super(
      `사업 카탈로그 데이터가 올바르지 않습니다 (${problems.length}건):\n${problems
        .map((p) => `- ${p.file}${p.path ? ` ${p.path}` : ''}: ${p.message}`)
        .join('\n')}`,
    );
    this.name = 'CatalogError';
  }
}

const PROGRAM_KEYS = new Set([...Object.keys(ProgramDraftSchema.shape), 'id', 'status', 'version']);
const DISASTER_KEYS = new Set(Object.keys(DisasterSchema.shape));

/** zod strips unknown keys; a misspelt field (`applyend`) would vanish silently, so name it instead. */
function unknownKeys(data: unknown, known: ReadonlySet<string>): FieldError[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  return Object.keys(data)
    .filter((k) => !known.has(k))
    .map((k) => ({ path: k, message: `알 수 없는 항목입니다: ${k}` }));
}

function rawId(data: unknown): string | undefined {
  const id = (data as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}

function baseName(file: string): string {
  return (file.split('/').at(-1) ?? file).replace(/\.json$/, '');
}

function validateProgramFile(f: CatalogFile): { value?: Program; errors: FieldError[] } {
  const errors = unknownKeys(f.data, PROGRAM_KEYS);
  const result = validateWith(ProgramSchema, f.data);
  if (!result.ok) {
    // A union failure inside the rule reports blurrily; the rule validator gives exact paths.
    const rule = (f.data as { rule?: unknown } | null)?.rule;
    const ruleCheck = rule === undefined ? undefined : validateRule(rule, 'rule');
    const fromRule = ruleCheck && !ruleCheck.ok ? ruleCheck.errors : [];
    const rest = result.errors.filter((e) => fromRule.length === 0 || !e.path.startsWith('rule'));
    return { errors: [...errors, ...rest, ...fromRule] };
  }
  if (result.value.id !== baseName(f.file)) {
    errors.push({ path: 'id', message: `사업 ID(${result.value.id})가 파일 이름과 다릅니다.` });
  }
  return { value: result.value, errors };
}

function validateDisasterFile(f: CatalogFile): { value?: Disaster; errors: FieldError[] } {
  const errors = unknownKeys(f.data, DISASTER_KEYS);
  const result = validateWith(DisasterSchema, f.data);
  if (!result.ok) return { errors: [...errors, ...result.errors] };
  if (result.value.id !== baseName(f.file)) {
    errors.push({ path: 'id', message: `재난 ID(${result.value.id})가 파일 이름과 다릅니다.` });
  }
  return { value: result.value, errors };
}

/** Every program and disaster id a rule refers to, with the path of the referring node. */
function ruleReferences(
  rule: Rule,
  path: string,
  out: { path: string; programId?: string; disasterId?: string }[],
) {
  switch (rule.type) {
    case 'all':
    case 'any':
      rule.rules.forEach((r, i) => {
        ruleReferences(r, `${path}.rules.${i}`, out);
      });
      break;
    case 'not':
      ruleReferences(rule.rule, `${path}.rule`, out);
      break;
    case 'priorSupport':
      out.push({ path: `${path}.programId`, programId: rule.programId });
      break;
    case 'disasterArea':
    case 'disasterDamage':
      if (rule.disasterId !== undefined)
        out.push({ path: `${path}.disasterId`, disasterId: rule.disasterId });
      break;
    default:
      break;
  }
  return out;
}

/** References from the rule and from the example profiles (a misspelt id there would make a check vacuous). */
function programReferences(p: Program) {
  const refs = ruleReferences(p.rule, 'rule', []);
  for (const list of ['mustMatch', 'mustNotMatch'] as const) {
    p.examples[list].forEach((ex, i) => {
      const at = `examples.${list}.${i}.profile`;
      ex.profile.priorSupport.forEach((s, j) => {
        refs.push({ path: `${at}.priorSupport.${j}.programId`, programId: s.programId });
      });
      ex.profile.disasterDamage.forEach((d, j) => {
        refs.push({ path: `${at}.disasterDamage.${j}.disasterId`, disasterId: d.disasterId });
      });
    });
  }
  return refs;
}

/**
 * Validates catalog files as a whole: each program and disaster against its schema, ids equal to file names
 * and unique, and every program or disaster a rule or example refers to present. Throws one `CatalogError`
 * listing every problem; returns the parsed catalog otherwise.
 */
export function buildCatalog(
  programFiles: readonly CatalogFile[],
  disasterFiles: readonly CatalogFile[],
): Catalog {
  const problems: CatalogProblem[] = [];
  const programs: { file: string; value: Program }[] = [];
  const disasters: Disaster[] = [];
  const programFile = new Map<string, string>();
  const disasterFile = new Map<string, string>();

  for (const f of disasterFiles) {
    const { value, errors } = validateDisasterFile(f);
    problems.push(...errors.map((e) => ({ file: f.file, ...e })));
    if (!value) continue;
    const first = disasterFile.get(value.id);
    if (first)
      problems.push({
        file: f.file,
        path: 'id',
        message: `재난 ID ${josa(value.id, '이/가')} ${josa(first, '와/과')} 겹칩니다.`,
      });
    else disasterFile.set(value.id, f.file);
    disasters.push(value);
  }
  for (const f of programFiles) {
    const { value, errors } = validateProgramFile(f);
    problems.push(...errors.map((e) => ({ file: f.file, ...e })));
    if (!value) continue;
    const first = programFile.get(value.id);
    if (first)
      problems.push({
        file: f.file,
        path: 'id',
        message: `사업 ID ${josa(value.id, '이/가')} ${josa(first, '와/과')} 겹칩니다.`,
      });
    else programFile.set(value.id, f.file);
    programs.push({ file: f.file, value });
  }
  // Ids of files that failed validation still count here, so that one bad file is reported once, not again
  // by every program that refers to it.
  const programIds = new Set([...programFile.keys(), ...programFiles.map((f) => rawId(f.data))]);
  const disasterIds = new Set([...disasterFile.keys(), ...disasterFiles.map((f) => rawId(f.data))]);
  for (const { file, value } of programs) {
    for (const ref of programReferences(value)) {
      if (ref.programId !== undefined && !programIds.has(ref.programId)) {
        problems.push({
          file,
          path: ref.path,
          message: `카탈로그에 없는 사업을 가리킵니다: ${ref.programId}`,
        });
      }
      if (ref.disasterId !== undefined && !disasterIds.has(ref.disasterId)) {
        problems.push({
          file,
          path: ref.path,
          message: `카탈로그에 없는 재난을 가리킵니다: ${ref.disasterId}`,
        });
      }
    }
  }
  if (problems.length > 0) throw new CatalogError(problems);
  return { programs: programs.map((p) => p.value), disasters };
}
