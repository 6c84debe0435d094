import { S3Client } from '@aws-sdk/client-s3';
import type { Disaster } from '@sbiz24/shared';
import { columnarPreviewEngine, decodeSnapshotParts } from './columnar-preview-engine';
import { createPreviewService, type PreviewService } from './preview';
import { koreanDate } from './run-id';
import { S3BlobStore } from './s3-blob-store';
import { createSnapshotSource } from './snapshot-source';

/**
 * The API Lambda's preview: the latest snapshot from the S3 bucket, loaded once per warm container (the
 * source keeps it in module scope through the service) and swapped when a newer run finished.
 */
export function awsPreviewService(options: {
  bucket: string;
  disasters: () => Promise<readonly Disaster[]>;
  clock: () => Date;
}): PreviewService {
  const source = createSnapshotSource(
    new S3BlobStore(new S3Client({}), options.bucket),
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
