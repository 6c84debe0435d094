/** The API Lambda's environment, read once; every missing variable is named in one clear error at init. */
export interface ApiConfig {
  tableName: string;
  /** e.g. https://cognito-idp.ap-northeast-2.amazonaws.com/<pool>/.well-known/jwks.json */
  cognitoJwksUrl: string;
  /** e.g. https://cognito-idp.ap-northeast-2.amazonaws.com/<pool> */
  cognitoIssuer: string;
  /** The user pool app client id: the `aud` of its ID tokens. */
  cognitoClientId: string;
  /** @default 'INFO' */
  logLevel: string;
  /** S3 bucket of the batch snapshots (SNAPSHOT_BUCKET), for the staff preview; the preview answers 503 without it. */
  snapshotBucket?: string;
  /** The portal's EventBridge bus (EVENT_BUS_NAME): catalog changes are put there to start a recompute. */
  eventBusName?: string;
  /**
   * The alerts signing key (ALERTS_SIGNING_KEY, from Secrets Manager) and the SES identity codes come from
   * (MAIL_FROM): the e-mail code and unsubscribe routes need both; without them they answer 503 / 400.
   */
  alerts?: { signingKey: string; mailFrom: string };
  /** Private bucket of application files (UPLOAD_BUCKET); the file routes answer 503 without it. */
  uploadBucket?: string;
  /** The Lambda's region (AWS_REGION, set by the runtime): presigned upload and download URLs name it. */
  region?: string;
}

const REQUIRED = {
  tableName: 'TABLE_NAME',
  cognitoJwksUrl: 'COGNITO_JWKS_URL',
  cognitoIssuer: 'COGNITO_ISSUER',
  cognitoClientId: 'COGNITO_CLIENT_ID',
} as const;

export class ConfigError extends Error {
  constructor(readonly missing: string[]) {
    super(
      `API 설정이 빠졌습니다. 다음 환경 변수가 필요합니다: ${missing.join(', ')}. ` +
        `(Missing environment variable(s): ${missing.join(', ')})`,
    );
    this.name = 'ConfigError';
  }
}

/** Reads and checks the environment; throws ConfigError naming every missing or malformed variable. */
export function readApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const missing = Object.values(REQUIRED).filter((name) => !env[name]?.trim());
  if (missing.length > 0) throw new ConfigError(missing);
  for (const name of [REQUIRED.cognitoJwksUrl, REQUIRED.cognitoIssuer]) {
    if (!/^https?:\/\//.test(env[name]!))
      throw new ConfigError([`${name} (URL이어야 합니다 / must be a URL)`]);
  }
  return {
    tableName: env.TABLE_NAME!.trim(),
    cognitoJwksUrl: env.COGNITO_JWKS_URL!.trim(),
    cognitoIssuer: env.COGNITO_ISSUER!.trim(),
    cognitoClientId: env.COGNITO_CLIENT_ID!.trim(),
    logLevel: env.LOG_LEVEL?.trim() || env.POWERTOOLS_LOG_LEVEL?.trim() || 'INFO',
    ...(env.SNAPSHOT_BUCKET?.trim() ? { snapshotBucket: env.SNAPSHOT_BUCKET.trim() } : {}),
    ...(env.EVENT_BUS_NAME?.trim() ? { eventBusName: env.EVENT_BUS_NAME.trim() } : {}),
    ...(env.ALERTS_SIGNING_KEY?.trim() && env.MAIL_FROM?.trim()
      ? { alerts: { signingKey: env.ALERTS_SIGNING_KEY.trim(), mailFrom: env.MAIL_FROM.trim() } }
      : {}),
    ...(env.UPLOAD_BUCKET?.trim() ? { uploadBucket: env.UPLOAD_BUCKET.trim() } : {}),
    ...(env.AWS_REGION?.trim() ? { region: env.AWS_REGION.trim() } : {}),
  };
}

let cached: ApiConfig | undefined;

/** The configuration of this container, read on first use. */
export function apiConfig(): ApiConfig {
  cached ??= readApiConfig();
  return cached;
}

// Batch Lambdas (prepare, segment worker, finalize, notifier): functions/src/aws/batch-runtime.ts

/** The batch Lambdas' environment, read once per container; a missing variable fails at init, not mid-run. */
export interface BatchConfig {
  tableName: string;
  /** S3 bucket of the snapshot parts, manifests and `latest.json`. */
  snapshotBucket: string;
  /** SQS queue of new-match events (the notifier's source). */
  newMatchQueueUrl: string;
  /** @default 50_000 */
  targetRowsPerSegment: number;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`environment variable ${name} is required`);
  return value;
}

export function readBatchConfig(
  env: NodeJS.ProcessEnv,
  needs: { bucket?: boolean; queue?: boolean } = {},
): BatchConfig {
  const target = Number(env.TARGET_ROWS_PER_SEGMENT ?? 50_000);
  if (!Number.isInteger(target) || target < 1)
    throw new Error('TARGET_ROWS_PER_SEGMENT must be a positive integer');
  return {
    tableName: required(env, 'TABLE_NAME'),
    snapshotBucket: needs.bucket === false ? (env.SNAPSHOT_BUCKET ?? '') : required(env, 'SNAPSHOT_BUCKET'),
    newMatchQueueUrl:
      needs.queue === false ? (env.NEW_MATCH_QUEUE_URL ?? '') : required(env, 'NEW_MATCH_QUEUE_URL'),
    targetRowsPerSegment: target,
  };
}
