import { describe, expect, it } from 'vitest';
import { presignGet, presignPost } from './s3-presign';

// AWS's own example ("Authenticating Requests: Using Query Parameters (AWS Signature Version 4)", S3 API
// reference): these credentials, bucket, key and time give exactly this signature.
const EXAMPLE = {
  bucket: 'examplebucket',
  region: 'us-east-1',
  credentials: {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  },
  now: new Date('2013-05-24T00:00:00Z'),
};

describe('SigV4 presigning', () => {
  it('signs a GET link exactly as AWS documents it', () => {
    const url = presignGet({
      ...EXAMPLE,
      key: 'test.txt',
      expiresInSeconds: 86400,
      host: 'examplebucket.s3.amazonaws.com',
    });

    expect(url).toBe(
      'https://examplebucket.s3.amazonaws.com/test.txt' +
        '?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
        '&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
        '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
        '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    );
  });

  it('encodes response overrides and the session token into the signed query', () => {
    const url = new URL(
      presignGet({
        ...EXAMPLE,
        credentials: { ...EXAMPLE.credentials, sessionToken: 'tok/en+=' },
        key: 'uploads/abc',
        expiresInSeconds: 300,
        query: { 'response-content-disposition': "attachment; filename*=UTF-8''%EA%B0%80.pdf" },
      }),
    );
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe('tok/en+=');
    expect(url.searchParams.get('response-content-disposition')).toBe(
      "attachment; filename*=UTF-8''%EA%B0%80.pdf",
    );
    expect(url.pathname).toBe('/uploads/abc');
  });

  it('limits a form POST to its key, its content type and 1 to maxBytes bytes, until it expires', () => {
    const post = presignPost({
      ...EXAMPLE,
      key: 'uploads/abc',
      contentType: 'application/pdf',
      maxBytes: 10 * 1024 * 1024,
      expiresInSeconds: 900,
    });

    expect(post.url).toBe('https://examplebucket.s3.us-east-1.amazonaws.com/');
    const policy = JSON.parse(Buffer.from(post.fields.Policy!, 'base64').toString('utf8'));
    expect(policy).toEqual({
      expiration: '2013-05-24T00:15:00.000Z',
      conditions: [
        { bucket: 'examplebucket' },
        { key: 'uploads/abc' },
        { 'Content-Type': 'application/pdf' },
        { 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' },
        { 'X-Amz-Credential': 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request' },
        { 'X-Amz-Date': '20130524T000000Z' },
        ['content-length-range', 1, 10 * 1024 * 1024],
      ],
    });
    expect(post.fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
  });
});
