export * from './business-number/business-number';
export * from './catalog/index';
export * from './dates';
export * from './disaster/disaster';
export * from './errors';
export * from './lifecycle/stage';
export * from './profile/bounds';
export * from './profile/profile';
export * from './program/program';
export * from './reference/ksic';
export * from './reference/regions';
export * from './reference/small-business';
export type * from './repositories';
export { regionCovers, selectDisasters } from './rules/conditions';
export { describeRule } from './rules/describe';
export {
  type EvalContext,
  evaluateRule,
  type Reason,
  type RuleEvaluation,
  type Truth,
} from './rules/evaluate';
export { formatDate, formatWon, formatWonEn, type JosaOption, josa } from './rules/format';
export { evaluateProgram, matchPrograms, type NearMiss, type ProgramEvaluation } from './rules/match';
export type { PhraseNames } from './rules/phrases';
export {
  groupReasons,
  isReasonGroup,
  type ReasonAlternative,
  type ReasonEntry,
  type ReasonGroup,
} from './rules/reason-groups';
export * from './rules/schema';
export * from './rules/types';
export * from './validation';
