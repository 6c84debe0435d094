import * as z from 'zod/mini';

/**
 * The ids that reach a key from outside (path parameters), each with a length limit and a pattern checked
 * before any work: far under DynamoDB's key limits (2,048 bytes for a partition key, 1,024 for a sort key),
 * so an id over them is a 400 naming the field, never a 500 from the store. docs/limits.md lists them.
 * (Kept beside formats.ts rather than in it while the classic schemas there move to zod/mini.)
 */

/** Program ids in a path: lowercase letters, digits and hyphens, up to 100 (new ids are slugs of ≤ 64). */
export const PROGRAM_ID_PARAM_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;
export const ProgramIdParamSchema = z
  .string()
  .check(
    z.minLength(1, { message: '사업 ID를 입력해 주세요.' }),
    z.maxLength(100, { message: '사업 ID는 100자까지입니다.' }),
    z.regex(PROGRAM_ID_PARAM_PATTERN, { message: '사업 ID는 영문 소문자·숫자·하이픈(-)으로만 씁니다.' }),
  );

/** Notification ids: base64url and the separators the notifier uses, up to 100. */
export const NOTIFICATION_ID_PATTERN = /^[A-Za-z0-9_.:#-]{1,100}$/;
export const NotificationIdParamSchema = z
  .string()
  .check(
    z.minLength(1, { message: '알림 ID를 입력해 주세요.' }),
    z.maxLength(100, { message: '알림 ID는 100자까지입니다.' }),
    z.regex(NOTIFICATION_ID_PATTERN, { message: '알림 ID의 형식이 올바르지 않습니다.' }),
  );
