import type { S3Client } from '@aws-sdk/client-s3';
import type { BlobStore } from '@sbiz24/shared/recompute/types';
import { clientS3 } from '../store/aws-sdk';

/**
 * Blobs as objects in one S3 bucket: the snapshot parts, run manifests and the latest-snapshot pointer on AWS.
 * The S3 SDK is loaded on the first call, so that the API, which needs it only for the staff preview, does
 * not load it on every cold start; `s3` may be a function making the client then.
 */
export class S3BlobStore implements BlobStore {
  private client?: S3Client;

  constructor(
    private readonly s3: S3Client | (() => S3Client),
    private readonly bucket: string,
  ) {}

  private get s3Client(): S3Client {
    this.client ??= typeof this.s3 === 'function' ? this.s3() : this.s3;
    return this.client;
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const { GetObjectCommand, NoSuchKey } = clientS3();
    try {
      const out = await this.s3Client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
    } catch (e) {
      if (e instanceof NoSuchKey || (e as { name?: string }).name === 'NoSuchKey') return undefined;
      throw e;
    }
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const { PutObjectCommand } = clientS3();
    await this.s3Client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes }));
  }

  async delete(key: string): Promise<void> {
    const { DeleteObjectCommand } = clientS3();
    await this.s3Client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async list(prefix: string): Promise<string[]> {
    const { ListObjectsV2Command } = clientS3();
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const out = await this.s3Client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const o of out.Contents ?? []) if (o.Key) keys.push(o.Key);
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }
}
