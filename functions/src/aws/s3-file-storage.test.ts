import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { s3FileStorage } from './s3-file-storage';

const s3 = mockClient(S3Client);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
/** What the SDK's body offers that the storage uses. */
const body = (bytes: Uint8Array) => ({ transformToByteArray: async () => bytes });

const storage = () =>
  s3FileStorage({
    bucket: 'uploads-bucket',
    region: 'ap-northeast-2',
    clock: () => new Date('2026-12-03T01:00:00Z'),
    credentials: () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' }),
    s3: () => new S3Client({ region: 'ap-northeast-2' }),
  });

beforeEach(() => s3.reset());

describe('S3 file storage', () => {
  it('issues a presigned POST to the bucket with the session token in its fields', async () => {
    const ticket = await storage().uploadTicket('uploads/abc', {
      type: 'image/png',
      maxBytes: 10,
      expiresInSeconds: 900,
    });
    expect(ticket.url).toBe('https://uploads-bucket.s3.ap-northeast-2.amazonaws.com/');
    expect(ticket.fields).toMatchObject({
      key: 'uploads/abc',
      'Content-Type': 'image/png',
      'X-Amz-Security-Token': 'token',
    });
    expect(ticket.expiresAt).toBe('2026-12-03T01:15:00.000Z');
    expect(ticket.fields.tagging).toContain('<Key>upload-state</Key><Value>pending</Value>');
  });

  it('reads a stored object back to hash it and tell its type', async () => {
    s3.on(HeadObjectCommand).resolves({ ContentLength: PNG.length });
    s3.on(GetObjectCommand).resolves({ Body: body(PNG) as never });

    const stored = await storage().inspect('uploads/abc', 1024);

    expect(stored?.size).toBe(PNG.length);
    expect([...stored!.head]).toEqual([...PNG.slice(0, 16)]);
    expect(stored?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads only the first bytes of an object over the limit, and nothing of a missing one', async () => {
    s3.on(HeadObjectCommand).resolves({ ContentLength: 20 * 1024 * 1024 });
    s3.on(GetObjectCommand, { Range: 'bytes=0-15' }).resolves({ Body: body(PNG.slice(0, 16)) as never });
    expect((await storage().inspect('uploads/big', 1024))?.size).toBe(20 * 1024 * 1024);

    s3.reset();
    s3.on(HeadObjectCommand).rejects(Object.assign(new Error('not found'), { name: 'NotFound' }));
    expect(await storage().inspect('uploads/none', 1024)).toBeUndefined();
  });

  it('links a download as an attachment of the checked type, and deletes a refused upload', async () => {
    const link = await storage().downloadUrl('uploads/abc', {
      name: '계획서.pdf',
      type: 'application/pdf',
      expiresInSeconds: 300,
    });
    const url = new URL(link.url);
    expect(url.host).toBe('uploads-bucket.s3.ap-northeast-2.amazonaws.com');
    expect(url.searchParams.get('response-content-type')).toBe('application/pdf');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');

    s3.on(DeleteObjectCommand).resolves({});
    await storage().remove('uploads/abc');
    expect(s3.commandCalls(DeleteObjectCommand)[0]!.args[0].input).toEqual({
      Bucket: 'uploads-bucket',
      Key: 'uploads/abc',
    });
  });
});
