import { createHash, createHmac } from 'node:crypto';

/**
 * Signature Version 4 for the two presigned S3 requests the API hands to browsers: a form POST (its policy
 * limits the key, the content type and the size) and a GET link. Written out here rather than taken from
 * `@aws-sdk/s3-presigned-post` / `s3-request-presigner`: the API bundle has a 300 KB ceiling and the Lambda
 * runtime does not promise those two packages, while the signing itself is a few HMACs (checked against AWS's
 * documented example in s3-presign.test.ts).
 */

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
const sha256Hex = (data: string) => createHash('sha256').update(data).digest('hex');

/** `20130524T000000Z` and `20130524`. */
function stamps(at: Date): { amzDate: string; day: string } {
  const amzDate = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return { amzDate, day: amzDate.slice(0, 8) };
}

function signingKey(secret: string, day: string, region: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), 's3'), 'aws4_request');
}

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters. */
export function uriEncode(value: string, keepSlash = false): string {
  const encoded = encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return keepSlash ? encoded.replaceAll('%2F', '/') : encoded;
}

export interface PresignedPost {
  url: string;
  fields: Record<string, string>;
}

/** A browser form POST that may store only `key`, of `contentType`, of 1 to `maxBytes` bytes, until it expires. */
export function presignPost(input: {
  bucket: string;
  region: string;
  key: string;
  contentType: string;
  maxBytes: number;
  expiresInSeconds: number;
  credentials: AwsCredentials;
  now: Date;
  /** Object tags as S3's Tagging XML, fixed by the policy. */
  tagging?: string;
}): PresignedPost {
  const { bucket, region, key, contentType, maxBytes, credentials, now } = input;
  const { amzDate, day } = stamps(now);
  const credential = `${credentials.accessKeyId}/${day}/${region}/s3/aws4_request`;
  const fields: Record<string, string> = {
    key,
    'Content-Type': contentType,
    ...(input.tagging ? { tagging: input.tagging } : {}),
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': credential,
    'X-Amz-Date': amzDate,
    ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
  };
  const policy = {
    expiration: new Date(now.getTime() + input.expiresInSeconds * 1000).toISOString(),
    conditions: [
      { bucket },
      ...Object.entries(fields).map(([name, value]) => ({ [name]: value })),
      ['content-length-range', 1, maxBytes],
    ],
  };
  const encodedPolicy = Buffer.from(JSON.stringify(policy)).toString('base64');
  const signature = hmac(signingKey(credentials.secretAccessKey, day, region), encodedPolicy).toString('hex');
  return {
    url: `https://${bucket}.s3.${region}.amazonaws.com/`,
    fields: { ...fields, Policy: encodedPolicy, 'X-Amz-Signature': signature },
  };
}

/** A GET link to `key` valid for `expiresInSeconds`, with response headers overridden by `query`. */
export function presignGet(input: {
  bucket: string;
  region: string;
  key: string;
  expiresInSeconds: number;
  credentials: AwsCredentials;
  now: Date;
  /** e.g. `response-content-disposition`, `response-content-type`. */
  query?: Record<string, string>;
  /** @default virtual-hosted `<bucket>.s3.<region>.amazonaws.com` */
  host?: string;
}): string {
  const { bucket, region, key, credentials, now } = input;
  const host = input.host ?? `${bucket}.s3.${region}.amazonaws.com`;
  const { amzDate, day } = stamps(now);
  const params: Record<string, string> = {
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${credentials.accessKeyId}/${day}/${region}/s3/aws4_request`,
    'X-Amz-Date': amzDate,
    'X-Amz-Expires': String(input.expiresInSeconds),
    ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
    'X-Amz-SignedHeaders': 'host',
    ...input.query,
  };
  const canonicalQuery = Object.keys(params)
    .sort()
    .map((name) => `${uriEncode(name)}=${uriEncode(params[name]!)}`)
    .join('&');
  const path = `/${uriEncode(key, true)}`;
  const canonicalRequest = ['GET', path, canonicalQuery, `host:${host}\n`, 'host', 'UNSIGNED-PAYLOAD'].join(
    '\n',
  );
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    `${day}/${region}/s3/aws4_request`,
    sha256Hex(canonicalRequest),
  ].join('\n');
  const signature = hmac(signingKey(credentials.secretAccessKey, day, region), stringToSign).toString('hex');
  return `https://${host}${path}?${canonicalQuery}&X-Amz-Signature=${signature}`;
}
