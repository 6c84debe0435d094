import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** The deployment stages, chosen with `-c stage=dev|prod`. */
export type StageName = 'dev' | 'prod';

/**
 * Everything that differs between stages, in one place, so that constructs never branch on the stage name.
 * Batch concurrency: prepare makes one segment per 50,000 businesses (120 for 6M, docs/batch.md). DynamoDB,
 * not Lambda, sets the pace: about 12 workers saturate a fresh on-demand table (docs/scale.md), so prod runs
 * 24 segments at a time below the worker's reserved 32; more would only be throttled. Dev stays small enough
 * for a fresh account's default concurrency quota.
 */
export interface StageConfig {
  readonly name: StageName;
  /** What happens to stateful resources (table, buckets, user pool, log groups) when the stack goes. */
  readonly removalPolicy: RemovalPolicy;
  /** DynamoDB deletion protection (a second lock besides RETAIN). */
  readonly deletionProtection: boolean;
  /** CloudWatch Logs retention of every log group. */
  readonly logRetention: RetentionDays;
  /** Powertools log level of every function. */
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** HTTP API stage throttling (steady requests per second and burst). */
  readonly apiThrottle: { readonly rateLimit: number; readonly burstLimit: number };
  /** Reserved concurrency of the segment worker: the batch can never starve the API of concurrency. */
  readonly workerReservedConcurrency: number;
  /** Distributed Map MaxConcurrency: strictly below the worker's reserved concurrency (retries need room). */
  readonly mapMaxConcurrency: number;
  /** Percentage of segments that may fail before the whole run fails. */
  readonly toleratedFailurePercentage: number;
  /** How long snapshot parts of old runs stay in S3. */
  readonly snapshotRetention: Duration;
  /** Alarm thresholds; dev alarms exist too (they prove the wiring) but are looser. */
  readonly alarms: {
    readonly api5xxPerFiveMinutes: number;
    readonly apiP99LatencyMs: number;
    readonly lambdaErrorsPerFiveMinutes: number;
  };
  /** Browser origins the HTTP API answers CORS preflights for (the CloudFront site itself is same-origin). */
  readonly corsOrigins: readonly string[];
}

const dev: StageConfig = {
  name: 'dev',
  removalPolicy: RemovalPolicy.DESTROY,
  deletionProtection: false,
  logRetention: RetentionDays.ONE_WEEK,
  logLevel: 'DEBUG',
  apiThrottle: { rateLimit: 50, burstLimit: 100 },
  workerReservedConcurrency: 10,
  mapMaxConcurrency: 8,
  toleratedFailurePercentage: 5,
  snapshotRetention: Duration.days(7),
  alarms: { api5xxPerFiveMinutes: 20, apiP99LatencyMs: 3000, lambdaErrorsPerFiveMinutes: 20 },
  corsOrigins: ['http://localhost:3000', 'http://localhost:5173'],
};

const prod: StageConfig = {
  name: 'prod',
  removalPolicy: RemovalPolicy.RETAIN,
  deletionProtection: true,
  logRetention: RetentionDays.SIX_MONTHS,
  logLevel: 'INFO',
  apiThrottle: { rateLimit: 2000, burstLimit: 5000 },
  workerReservedConcurrency: 32,
  mapMaxConcurrency: 24,
  toleratedFailurePercentage: 2,
  snapshotRetention: Duration.days(30),
  alarms: { api5xxPerFiveMinutes: 5, apiP99LatencyMs: 1500, lambdaErrorsPerFiveMinutes: 5 },
  corsOrigins: [],
};

/**
 * The configuration of a stage. `webOrigin` (from `-c webOrigin=https://…`, the site's custom domain) is
 * added to the CORS origins; without it only the stage's local origins are allowed.
 */
export function stageConfig(name: string | undefined, webOrigin?: string): StageConfig {
  const base = name === undefined || name === 'dev' ? dev : name === 'prod' ? prod : undefined;
  if (!base) {
    throw new Error(`Unknown stage "${name}": use -c stage=dev or -c stage=prod.`);
  }
  if (webOrigin !== undefined && !/^https:\/\/[a-z0-9.-]+$/.test(webOrigin)) {
    throw new Error(`webOrigin must look like https://portal.example.go.kr (got "${webOrigin}").`);
  }
  return webOrigin ? { ...base, corsOrigins: [...base.corsOrigins, webOrigin] } : base;
}
