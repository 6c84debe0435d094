import type { ApplyRequestBody } from '../contract/applications';
import type { FileMetadata } from './documents';
import type { AnswerValue } from './form';

/**
 * The request schemas of applications live in the API contract (`shared/src/contract/applications.ts`,
 * zod/mini); these are the forms the use cases take once the HTTP edge has resolved file ids to the checked
 * files' metadata.
 */
export {
  APPLY_FAILURE_CODES,
  type ApplyFailure,
  type ApplyFailureCode,
  ApplyRequestSchema,
  type BulkDecisionRequest,
  BulkDecisionRequestSchema,
  type BulkDecisionResult,
  DECISION_ACTIONS,
  type DecisionAction,
  type DecisionRequest,
  DecisionRequestSchema,
  MAX_BULK_DECISION_IDS,
  MAX_MESSAGE_LENGTH,
  MAX_PROGRAMS_PER_APPLY,
  STAFF_QUEUE_PAGE_SIZE,
  type StaffQueueQuery,
  StaffQueueQuerySchema,
  type WithdrawRequest,
  WithdrawRequestSchema,
} from '../contract/applications';

/** 통합신청 as the service takes it: file answers are the checked files' metadata. */
export type ApplyRequest = Omit<ApplyRequestBody, 'answers'> & {
  answers?: Record<string, Record<string, AnswerValue>>;
};

/** The owner's supplement response as the service takes it: the attached files checked and resolved. */
export interface SupplementResponseRequest {
  version: number;
  message: string;
  files?: FileMetadata[];
}
