import type { Disaster } from '@sbiz24/shared';
import { koreanDate } from '@sbiz24/shared';

import { columnarPreviewEngine, decodeSnapshotParts } from '../services/columnar-preview-engine';

import { createPreviewService, type PreviewService } from '../services/preview';
import { createSnapshotSource } from '../services/snapshot-source';
import { clientS3 } from '../store/aws-sdk';
import { S3BlobStore } from './s3-blob-store';

/**
 * The API Lambda's preview: the latest snapshot from the S3 bucket, loaded once per warm container (the
 * source keeps it in module scope through the service) and swapped when a newer run finished. The S3 client
 * (and its SDK) is made on the first preview, not at the API's cold start.
 */
export function awsPreviewService(options: {
  bucket: string;
  disasters: () => Promise<readonly Disaster[]>;
  clock: () => Date;
}): PreviewService {
  const source = createSnapshotSource(
    new S3BlobStore(() => new (clientS3().S3Client)({}), options.bucket),
    decodeSnapshotParts,
    {
      clock: options.clock,
      checkIntervalMs: 60_000,
    },
  );
  return createPreviewService({
    source,
    engine: columnarPreviewEngine,
    disasters: options.disasters,
    clock: options.clock,
    today: () => koreanDate(options.clock()),
  });
}
