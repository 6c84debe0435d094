import { keyAttributes, TABLE_DESIGN } from '@sbiz24/functions/store/table-design';
import { Match } from 'aws-cdk-lib/assertions';
import { expect, it } from 'vitest';
import type { Synthesized } from '../synth.js';

/** The table and the snapshot bucket. */
export function dataSuite(dev: () => Synthesized, prod: () => Synthesized): void {
  it('builds the table from the shared design: keys, attributes and every index', () => {
    const indexKeys = (index: (typeof TABLE_DESIGN.globalSecondaryIndexes)[number]) => [
      { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
      ...(index.sortKey ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' }] : []),
    ];
    dev().template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE_DESIGN.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: TABLE_DESIGN.sortKey.name, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayEquals(
        keyAttributes().map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
      ),
      GlobalSecondaryIndexes: TABLE_DESIGN.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: indexKeys(index),
        Projection: { ProjectionType: index.projection },
      })),
      LocalSecondaryIndexes: TABLE_DESIGN.localSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: indexKeys(index),
        Projection: { ProjectionType: index.projection },
      })),
      TimeToLiveSpecification: { AttributeName: TABLE_DESIGN.timeToLiveAttribute, Enabled: true },
    });
  });

  it('bills the table on demand, with point-in-time recovery and server-side encryption', () => {
    for (const synth of [dev(), prod()]) {
      synth.template.hasResourceProperties('AWS::DynamoDB::Table', {
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
      });
    }
  });

  it('protects the prod table from deletion and lets the dev table go', () => {
    prod().template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    dev().template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });

  it('keeps every bucket encrypted, private and reachable over TLS only', () => {
    const { json } = dev();
    const buckets = Object.entries(json.Resources).filter(([, r]) => r.Type === 'AWS::S3::Bucket');
    // Logs, snapshots, uploads (the web bucket is counted in the web suite).
    expect(buckets.length).toBe(4);
    for (const [id, bucket] of buckets) {
      expect(bucket.Properties?.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties?.BucketEncryption, id).toBeDefined();
      const policy = Object.values(json.Resources).find(
        (r) => r.Type === 'AWS::S3::BucketPolicy' && JSON.stringify(r.Properties?.Bucket).includes(id),
      );
      expect(JSON.stringify(policy?.Properties?.PolicyDocument), id).toContain(
        '"aws:SecureTransport":"false"',
      );
    }
  });

  it('expires old snapshot runs and incomplete uploads', () => {
    dev().template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'runs/', ExpirationInDays: 7, Status: 'Enabled' }),
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
        ]),
      },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'snapshot-bucket/' }),
    });
  });
}
