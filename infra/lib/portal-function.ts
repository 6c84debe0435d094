import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { portalBundling } from './bundling.js';
import { acknowledge } from './nag.js';
import { entryPath, type HandlerName, lockFile, repoRoot } from './paths.js';
import type { StageConfig } from './stage.js';

/** Read-only or read-write access to the portal table. */
export type TableAccess = 'RO' | 'RW';

/** What bindTable needs to know about the table: its ARN and name, and the names of its GSIs. */
export interface BindableTable {
  readonly table: ITable;
  readonly indexNames: readonly string[];
}

/** Item-level read actions, listed one by one (no `dynamodb:*`, no `Get*`). */
export const TABLE_READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
] as const;

/** Item-level write actions (transactions are authorised by these per-item actions). */
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;

/** Actions that apply to a GSI: only reads. */
export const INDEX_ACTIONS = ['dynamodb:Query', 'dynamodb:Scan'] as const;

export interface PortalFunctionProps {
  readonly stage: StageConfig;
  /** Which handler under functions/src/handlers this function runs. */
  readonly handler: HandlerName;
  /** Powertools service name (logs, metrics, traces). */
  readonly serviceName: string;
  readonly description: string;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default Duration.seconds(10) */
  readonly timeout?: Duration;
  /** Reserved concurrency. @default none (shares the account pool) */
  readonly reservedConcurrentExecutions?: number;
  /** Extra environment on top of the shared defaults. */
  readonly environment?: Record<string, string>;
}

/**
 * Every Lambda of the portal: nodejs22.x on ARM64, bundled by the local esbuild (ESM, minified, source maps),
 * its own log group with the stage's retention, Powertools environment, active X-Ray tracing, and its own role
 * whose only built-in permission is writing to that log group (no AWS managed policy). Data access is added
 * explicitly with {@link PortalFunction.bindTable}.
 */
export class PortalFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: PortalFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.stage.logRetention,
      removalPolicy: props.stage.removalPolicy,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.serviceName} (${props.stage.name})`,
    });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    super(scope, id, {
      entry: entryPath(props.handler),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: lockFile,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      description: props.description,
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      bundling: portalBundling,
      environment: {
        STAGE: props.stage.name,
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_LOG_LEVEL: props.stage.logLevel,
        LOG_LEVEL: props.stage.logLevel,
        POWERTOOLS_METRICS_NAMESPACE: 'Sbiz24',
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
    });
    acknowledge(
      this,
      'AwsSolutions-L1',
      'nodejs22.x is pinned on purpose: the code is tested on Node 20 and 22 (LTS), and the issue fixes the ' +
        'runtime; moving to nodejs24.x is a one-line change in PortalFunction once the tests run on it.',
    );
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'Active X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords have no resource-level ' +
        'permissions, so Lambda grants them on "*". No data action is granted on "*" (checked by a test).',
    );
  }

  /**
   * Least-privilege access to the portal table: the listed item actions on the table and, for reads, on each
   * GSI by name. Sets TABLE_NAME.
   */
  bindTable(target: BindableTable, access: TableAccess): void {
    const { table, indexNames } = target;
    const actions =
      access === 'RW' ? [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS] : [...TABLE_READ_ACTIONS];
    this.addToRolePolicy(new PolicyStatement({ actions, resources: [table.tableArn] }));
    if (indexNames.length > 0) {
      this.addToRolePolicy(
        new PolicyStatement({
          actions: [...INDEX_ACTIONS],
          resources: indexNames.map((name) => `${table.tableArn}/index/${name}`),
        }),
      );
    }
    this.addEnvironment('TABLE_NAME', table.tableName);
  }
}
