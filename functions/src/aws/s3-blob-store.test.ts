import {
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { S3BlobStore } from './s3-blob-store';

const s3 = mockClient(S3Client);

describe('S3BlobStore', () => {
  beforeEach(() => s3.reset());

  it('makes a lazily given client on the first call, once', async () => {
    s3.on(PutObjectCommand).resolves({});
    let made = 0;
    const store = new S3BlobStore(() => {
      made++;
      return new S3Client({});
    }, 'bucket');
    expect(made).toBe(0);

    await store.put('a', new Uint8Array([1]));
    await store.put('b', new Uint8Array([2]));

    expect(made).toBe(1);
    expect(s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key)).toEqual(['a', 'b']);
  });

  it('reads a missing key as undefined and lists every page of keys in order', async () => {
    s3.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'gone', $metadata: {} }));
    s3.on(ListObjectsV2Command)
      .resolvesOnce({ Contents: [{ Key: 'p/2' }], IsTruncated: true, NextContinuationToken: 't' })
      .resolvesOnce({ Contents: [{ Key: 'p/1' }], IsTruncated: false });
    const store = new S3BlobStore(new S3Client({}), 'bucket');

    expect(await store.get('missing')).toBeUndefined();
    expect(await store.list('p/')).toEqual(['p/1', 'p/2']);
    expect(s3.commandCalls(ListObjectsV2Command)[1]!.args[0].input.ContinuationToken).toBe('t');
  });
});
