import type { LifecycleStage } from '../lifecycle/stage';
import type { Flag } from '../profile/profile';

/**
 * The eligibility rule tree (rules as code): `all` / `any` / `not` over typed conditions.
 * One definition, four uses: evaluate one business with reasons, describe in Korean, compile to a
 * vectorized filter over the columnar snapshot, and serialize (it is plain JSON).
 */
export type Rule = AllRule | AnyRule | NotRule | Condition;

export interface AllRule {
  type: 'all';
  rules: Rule[];
}
export interface AnyRule {
  type: 'any';
  rules: Rule[];
}
export interface NotRule {
  type: 'not';
  rule: Rule;
}

/** Numeric facts a `range` condition can test. */
export const RANGE_FIELDS = [
  'businessAgeYears',
  'businessAgeDays',
  'employees',
  'revenue',
  'revenueAvg3y',
  'ownerAge',
  'highestLoanRate',
] as const;
export type RangeField = (typeof RANGE_FIELDS)[number];

/** Bounds: 이상 (gte), 초과 (gt), 이하 (lte), 미만 (lt). At least one is set. */
export interface Bounds {
  gte?: number;
  gt?: number;
  lte?: number;
  lt?: number;
}

/** Located in (or outside) these regions: 2-digit 시도 or 5-digit 시군구 codes. */
export interface RegionCondition {
  type: 'region';
  op: 'in' | 'notIn';
  codes: string[];
}

/** Industry under (or not under) these KSIC prefixes: section letters (`G`) or digit prefixes (`56`, `56211`). */
export interface IndustryCondition {
  type: 'industry';
  op: 'in' | 'notIn';
  codes: string[];
}

/**
 * A numeric fact within bounds. Business age runs from the opening date to the as-of date, or to the closure
 * date for a closed business (how long it operated); owner age is the as-of year minus the birth year.
 */
export interface RangeCondition extends Bounds {
  type: 'range';
  field: RangeField;
}

/** Is a 소상공인: fewer employees than the industry's limit (10 in B, C, F, H; 5 elsewhere) and revenue within the 소기업 cap. */
export interface SmallBusinessCondition {
  type: 'smallBusiness';
}

/** A yes/no fact is (present: true) or is not (present: false) the case. */
export interface FlagCondition {
  type: 'flag';
  flag: Flag;
  present: boolean;
}

/** Has (present: true) or has not (present: false) received support from a program, within N years if given. */
export interface PriorSupportCondition {
  type: 'priorSupport';
  programId: string;
  withinYears?: number;
  present: boolean;
}

/** Selects declared disasters: by id, by kind, or (neither) any declared disaster. */
export interface DisasterSelector {
  disasterId?: string;
  disasterKind?: DisasterKind;
}

/** Located in the area of a selected declared disaster and operating at its start date. */
export interface DisasterAreaCondition extends DisasterSelector {
  type: 'disasterArea';
}

/** Damage confirmed by the local government for a selected declared disaster whose area holds the business. */
export interface DisasterDamageCondition extends DisasterSelector {
  type: 'disasterDamage';
}

/** Opened strictly before a date. */
export interface OpenedBeforeCondition {
  type: 'openedBefore';
  date: string;
}

/** Operating (opened, not closed) on a date; on the evaluation date when `date` is absent. */
export interface OperatingCondition {
  type: 'operating';
  date?: string;
}

/**
 * Closure: `planned` (closure planned, not yet closed), `closed` (closed on or before the evaluation date),
 * or `plannedOrClosed`; `withinDays` limits how long ago an actual closure may be.
 */
export interface ClosureCondition {
  type: 'closure';
  status: 'planned' | 'closed' | 'plannedOrClosed';
  withinDays?: number;
}

/** A restarted business (재창업): opened after the owner's previous closure, within N years of it. */
export interface RestartCondition {
  type: 'restart';
  withinYears: number;
}

/** Pre-startup founder (예비창업자): no business registration yet. */
export interface PreStartupCondition {
  type: 'preStartup';
}

/** In one of these lifecycle stages on the evaluation date. */
export interface StageCondition {
  type: 'stage';
  stages: LifecycleStage[];
}

export type Condition =
  | RegionCondition
  | IndustryCondition
  | RangeCondition
  | SmallBusinessCondition
  | FlagCondition
  | PriorSupportCondition
  | DisasterAreaCondition
  | DisasterDamageCondition
  | OpenedBeforeCondition
  | OperatingCondition
  | ClosureCondition
  | RestartCondition
  | PreStartupCondition
  | StageCondition;

export type ConditionType = Condition['type'];

export const DISASTER_KINDS = [
  'heavy-rain',
  'typhoon',
  'wildfire',
  'earthquake',
  'snow',
  'infectious-disease',
  'other',
] as const;
export type DisasterKind = (typeof DISASTER_KINDS)[number];
