import { TABLE_DESIGN } from '@sbiz24/functions/store/table-design';
import { expect, it } from 'vitest';
import type { Json } from '../asl.js';
import type { Synthesized } from '../synth.js';
import { asArray, functionId, roleOf, roleStatements } from '../template-query.js';

/** A resource reference as text: `Table.Arn`, `Queue.ref`, `Bucket.Arn/runs/*`, `*`. */
function render(value: Json, names: Map<string, string>): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if ('Ref' in value) return `${names.get(value.Ref as string) ?? value.Ref}.ref`;
    if ('Fn::GetAtt' in value) {
      const [id, attr] = value['Fn::GetAtt'] as [string, string];
      return `${names.get(id) ?? id}.${attr}`;
    }
    if ('Fn::Join' in value) {
      const [sep, parts] = value['Fn::Join'] as [string, Json[]];
      return parts.map((p) => render(p, names)).join(sep);
    }
  }
  return JSON.stringify(value);
}

const XRAY = new Set(['xray:PutTraceSegments', 'xray:PutTelemetryRecords']);

interface Grant {
  action: string;
  resource: string;
}

/** Every (action, resource) pair a function's role allows, resources named by their construct path. */
function grants(synth: Synthesized, fnPath: string): Grant[] {
  const names = new Map<string, string>();
  for (const [id, r] of Object.entries(synth.json.Resources)) {
    const path = (r.Metadata as { 'aws:cdk:path'?: string } | undefined)?.['aws:cdk:path'];
    if (path) names.set(id, path.replace(/^Sbiz24-\w+\//, '').replace(/\/Resource$/, ''));
  }
  const fn = functionId(synth, fnPath);
  return roleStatements(synth, roleOf(synth, fn)).flatMap((s) => {
    expect(s.Effect).toBe('Allow');
    return asArray(s.Action).flatMap((action) =>
      asArray(s.Resource).map((resource) => ({ action, resource: render(resource as Json, names) })),
    );
  });
}

const TABLE = 'Data/Table.Arn';
const TABLE_RESOURCES = new Set([
  TABLE,
  ...[...TABLE_DESIGN.globalSecondaryIndexes, ...TABLE_DESIGN.localSecondaryIndexes].map(
    (i) => `${TABLE}/index/${i.indexName}`,
  ),
]);
const SNAPSHOT = 'Data/SnapshotBucket.Arn';
const UPLOADS = 'Api/UploadBucket.Arn';

/** What each function may touch, by service; anything else in its policy fails the test. */
const EXPECTED: Record<string, { services: string[]; s3Writes: boolean }> = {
  'Api/Handler': { services: ['dynamodb', 'events', 'logs', 's3', 'xray'], s3Writes: false },
  'Batch/Prepare': { services: ['dynamodb', 'logs', 'xray'], s3Writes: false },
  'Batch/SegmentWorker': { services: ['dynamodb', 'logs', 's3', 'sqs', 'xray'], s3Writes: true },
  'Batch/Finalize': { services: ['dynamodb', 'logs', 's3', 'xray'], s3Writes: true },
  'Batch/Notifier': { services: ['dynamodb', 'logs', 'sqs', 'xray'], s3Writes: false },
  'Api/ApplicationsHandler': {
    services: ['dynamodb', 'events', 'kms', 'logs', 's3', 'xray'],
    s3Writes: false,
  },
  'Api/AlertsHandler': { services: ['dynamodb', 'logs', 'ses', 'xray'], s3Writes: false },
  'Alerts/Sender': { services: ['dynamodb', 'logs', 'ses', 'sqs', 'xray'], s3Writes: false },
  'Alerts/Dispatch': { services: ['dynamodb', 'logs', 'sqs', 'xray'], s3Writes: false },
};

/** The queue each function may use. */
const QUEUE_OF: Record<string, string> = {
  'Alerts/Sender': 'Alerts/OutboxQueue.Arn',
  'Alerts/Dispatch': 'Alerts/OutboxQueue.Arn',
};

/** Least privilege: each Lambda's policy names exactly the resources it needs, with listed actions. */
export function iamSuite(dev: () => Synthesized): void {
  for (const [fnPath, expected] of Object.entries(EXPECTED)) {
    it(`limits ${fnPath} to listed actions on its own resources`, () => {
      const all = grants(dev(), fnPath);
      const services = [...new Set(all.map((g) => g.action.split(':')[0]!))].sort();
      expect(services).toEqual(expected.services);
      for (const { action, resource } of all) {
        const what = `${action} on ${resource}`;
        expect(action, what).not.toContain('*');
        if (resource === '*') expect(XRAY.has(action), what).toBe(true);
        const service = action.split(':')[0];
        if (service === 'dynamodb') expect(TABLE_RESOURCES.has(resource), what).toBe(true);
        if (service === 'logs') expect(resource, what).toBe(`${fnPath}Logs.Arn`);
        if (service === 'events') expect(resource, what).toBe('Batch/Bus.Arn');
        if (service === 'kms') {
          // Relief accounts: the applications function alone seals (GenerateDataKey) and opens (Decrypt).
          expect(fnPath, what).toBe('Api/ApplicationsHandler');
          expect(['kms:GenerateDataKey', 'kms:Decrypt'], what).toContain(action);
          expect(resource, what).toBe('Api/AccountKey.Arn');
        }
        if (service === 'sqs') expect(resource, what).toBe(QUEUE_OF[fnPath] ?? 'Batch/NewMatchQueue.Arn');
        if (service === 'ses') {
          expect(['ses:SendEmail', 'ses:SendRawEmail'], what).toContain(action);
          expect(resource, what).toMatch(/^arn:.*:ses:.*:identity\/|Alerts\/MailIdentity/);
        }
        if (service === 's3' && resource.startsWith(UPLOADS)) {
          // Application files: the applications function alone, under uploads/ (listing limited to that prefix).
          expect(fnPath, what).toBe('Api/ApplicationsHandler');
          expect(resource, what).toBe(action === 's3:ListBucket' ? UPLOADS : `${UPLOADS}/uploads/*`);
        } else if (service === 's3') {
          const allowed =
            action === 's3:ListBucket' ? [SNAPSHOT] : [`${SNAPSHOT}/runs/*`, `${SNAPSHOT}/latest.json`];
          expect(allowed, what).toContain(resource);
          if (!expected.s3Writes) expect(['s3:GetObject', 's3:ListBucket'], what).toContain(action);
        }
      }
    });
  }

  it('lets the API and the applications function (damage lists) put events on the portal bus only', () => {
    for (const fnPath of ['Api/Handler', 'Api/ApplicationsHandler']) {
      const events = grants(dev(), fnPath).filter((g) => g.action.startsWith('events:'));
      expect(events, fnPath).toEqual([{ action: 'events:PutEvents', resource: 'Batch/Bus.Arn' }]);
    }
  });

  it('lets the worker only send to the queue and the notifier only consume it', () => {
    const send = grants(dev(), 'Batch/SegmentWorker').filter((g) => g.action.startsWith('sqs:'));
    const consume = grants(dev(), 'Batch/Notifier').filter((g) => g.action.startsWith('sqs:'));
    expect(send.map((g) => g.action)).toContain('sqs:SendMessage');
    expect(send.map((g) => g.action)).not.toContain('sqs:ReceiveMessage');
    expect(consume.map((g) => g.action)).toEqual(
      expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessage']),
    );
    expect(consume.map((g) => g.action)).not.toContain('sqs:SendMessage');
  });
}
