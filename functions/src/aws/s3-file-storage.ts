import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import type { FileStorage } from '../services/file-storage';
import { clientS3 } from '../store/aws-sdk';
import { type AwsCredentials, presignGet, presignPost, uriEncode } from './s3-presign';

/** Every upload is tagged pending by its POST policy; the upload bucket's lifecycle deletes pending objects. */
export const UPLOAD_STATE_TAG = 'upload-state';
const PENDING_TAGGING = `<Tagging><TagSet><Tag><Key>${UPLOAD_STATE_TAG}</Key><Value>pending</Value></Tag></TagSet></Tagging>`;

/** The Lambda's own credentials (its role's, from the environment the runtime sets). */
export function environmentCredentials(env: NodeJS.ProcessEnv = process.env): AwsCredentials {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) throw new Error('AWS credentials are not in the environment');
  return {
    accessKeyId,
    secretAccessKey,
    ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
  };
}

/**
 * Application files in the private upload bucket: the browser posts straight to S3 with a presigned POST
 * whose policy fixes the key and content type and limits the size (content-length-range 1 B–10 MB); the API
 * then reads the object back (at most 10 MB) to check its first bytes and hash it before accepting it, and
 * hands out presigned GET links (5 minutes) that serve it as an attachment of the checked type. The S3 SDK is
 * loaded on the first check, not at cold start.
 */
export function s3FileStorage(options: {
  bucket: string;
  region: string;
  clock?: () => Date;
  credentials?: () => AwsCredentials;
  s3?: () => S3Client;
}): FileStorage {
  const { bucket, region, clock = () => new Date(), credentials = () => environmentCredentials() } = options;
  let client: S3Client | undefined;
  const s3 = () => {
    client ??= options.s3 ? options.s3() : new (clientS3().S3Client)({ region });
    return client;
  };
  const missing = (e: unknown) => ['NotFound', 'NoSuchKey'].includes((e as { name?: string }).name ?? '');

  return {
    async uploadTicket(key, { type, maxBytes, expiresInSeconds }) {
      const now = clock();
      const { url, fields } = presignPost({
        bucket,
        region,
        key,
        contentType: type,
        maxBytes,
        expiresInSeconds,
        credentials: credentials(),
        now,
        tagging: PENDING_TAGGING,
      });
      return {
        url,
        method: 'POST',
        fields,
        fileField: 'file',
        expiresAt: new Date(now.getTime() + expiresInSeconds * 1000).toISOString(),
        maxBytes,
      };
    },

    async inspect(key, maxBytes) {
      const { HeadObjectCommand, GetObjectCommand } = clientS3();
      let size: number;
      try {
        size = (await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ContentLength ?? 0;
      } catch (e) {
        if (missing(e)) return undefined;
        throw e;
      }
      if (size > maxBytes) {
        const out = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: 'bytes=0-15' }));
        return { size, head: (await out.Body?.transformToByteArray()) ?? new Uint8Array(), sha256: '' };
      }
      const out = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const bytes = (await out.Body?.transformToByteArray()) ?? new Uint8Array();
      return {
        size: bytes.length,
        head: bytes.slice(0, 16),
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
    },

    async downloadUrl(key, { name, type, expiresInSeconds }) {
      const now = clock();
      const url = presignGet({
        bucket,
        region,
        key,
        expiresInSeconds,
        credentials: credentials(),
        now,
        query: {
          'response-content-disposition': `attachment; filename*=UTF-8''${uriEncode(name)}`,
          'response-content-type': type,
        },
      });
      return { url, expiresAt: new Date(now.getTime() + expiresInSeconds * 1000).toISOString() };
    },

    async keep(key) {
      const { PutObjectTaggingCommand } = clientS3();
      await s3().send(
        new PutObjectTaggingCommand({
          Bucket: bucket,
          Key: key,
          Tagging: { TagSet: [{ Key: UPLOAD_STATE_TAG, Value: 'kept' }] },
        }),
      );
    },

    async remove(key) {
      const { DeleteObjectCommand } = clientS3();
      await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
