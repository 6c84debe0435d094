import { type KeyAttribute, TABLE_DESIGN } from '@sbiz24/functions/store/table-design';
import { Duration } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge, nagArnOf } from './nag.js';
import type { BindableTable } from './portal-function.js';
import type { StageConfig } from './stage.js';

export interface DataProps {
  readonly stage: StageConfig;
}

/** Where the batch writes its columnar snapshot parts (`runs/<id>/…`); see functions/src/services/snapshot-keys.ts. */
export const SNAPSHOT_RUNS_PREFIX = 'runs/';
/** The pointer to the newest complete snapshot. */
export const SNAPSHOT_LATEST_KEY = 'latest.json';

function attributeType(type: KeyAttribute['type']): AttributeType {
  return type === 'S' ? AttributeType.STRING : type === 'N' ? AttributeType.NUMBER : AttributeType.BINARY;
}

function attribute(key: KeyAttribute): { name: string; type: AttributeType } {
  return { name: key.name, type: attributeType(key.type) };
}

/**
 * The stateful part of the portal: the single DynamoDB table, built from the same plain-data design the local
 * CreateTable uses (functions/src/store/table-design.ts), so the two cannot drift; the snapshot bucket; and the
 * bucket that receives S3 and CloudFront access logs.
 */
export class Data extends Construct implements BindableTable {
  readonly table: Table;
  /** Every secondary index (GSIs and LSIs), for least-privilege grants. */
  readonly indexNames: readonly string[];
  readonly snapshotBucket: Bucket;
  /** Server access logs of the other buckets and CloudFront standard logs. */
  readonly logBucket: Bucket;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    const { stage } = props;
    const design = TABLE_DESIGN;

    this.table = new Table(this, 'Table', {
      partitionKey: attribute(design.partitionKey),
      sortKey: attribute(design.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: design.pointInTimeRecovery },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: stage.deletionProtection,
      removalPolicy: stage.removalPolicy,
      timeToLiveAttribute: design.timeToLiveAttribute,
    });
    for (const index of design.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        ...(index.sortKey ? { sortKey: attribute(index.sortKey) } : {}),
        projectionType: index.projection === 'ALL' ? ProjectionType.ALL : ProjectionType.KEYS_ONLY,
      });
    }
    for (const index of design.localSecondaryIndexes) {
      if (!index.sortKey) throw new Error(`LSI ${index.indexName} needs a sort key`);
      this.table.addLocalSecondaryIndex({
        indexName: index.indexName,
        sortKey: attribute(index.sortKey),
        projectionType: index.projection === 'ALL' ? ProjectionType.ALL : ProjectionType.KEYS_ONLY,
      });
    }
    this.indexNames = [...design.globalSecondaryIndexes, ...design.localSecondaryIndexes].map(
      (i) => i.indexName,
    );

    // ACLs stay enabled on this bucket only: CloudFront standard logging writes with the log-delivery ACL.
    this.logBucket = new Bucket(this, 'LogBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      enforceSSL: true,
      removalPolicy: stage.removalPolicy,
      autoDeleteObjects: false,
      lifecycleRules: [
        { id: 'expire-access-logs', expiration: Duration.days(stage.name === 'prod' ? 365 : 30) },
      ],
    });

    this.snapshotBucket = new Bucket(this, 'SnapshotBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: false,
      removalPolicy: stage.removalPolicy,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'snapshot-bucket/',
      lifecycleRules: [
        {
          // Parts of old runs; `latest.json` (outside the prefix) always points at a recent one.
          id: 'expire-old-runs',
          prefix: SNAPSHOT_RUNS_PREFIX,
          expiration: stage.snapshotRetention,
        },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });
  }

  /**
   * Snapshot access by key, with listed actions only: `read` gets objects (the API's preview); `write` also
   * puts and deletes them (the batch). Never `s3:*`. Both may list the bucket: without s3:ListBucket S3 answers
   * a missing key (no snapshot yet) with 403 instead of 404, and the keys (run ids) are not sensitive.
   */
  grantSnapshots(grantee: IGrantable, access: 'read' | 'write'): void {
    const objects = [
      this.snapshotBucket.arnForObjects(`${SNAPSHOT_RUNS_PREFIX}*`),
      this.snapshotBucket.arnForObjects(SNAPSHOT_LATEST_KEY),
    ];
    const actions =
      access === 'write' ? ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'] : ['s3:GetObject'];
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions, resources: objects }));
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.snapshotBucket.bucketArn] }),
    );
    if (grantee.grantPrincipal instanceof Construct) {
      acknowledge(
        grantee.grantPrincipal,
        `AwsSolutions-IAM5[Resource::${nagArnOf(this.snapshotBucket)}/${SNAPSHOT_RUNS_PREFIX}*]`,
        'Snapshot parts are keyed by run id (runs/<runId>/…), unknown until a run starts: the grant is ' +
          'limited to the runs/ prefix of the snapshot bucket, with listed object actions only.',
      );
    }
  }
}
