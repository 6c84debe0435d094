import { applicationRoutes } from '../http/application-routes';
import type { AppDeps } from '../http/types';
import { createAccountVault } from '../services/account-vault';
import { createDocumentClient } from '../store/dynamo-client';
import { createApplicationRepositories } from '../store/repositories';
import { type ApiConfig, apiConfig } from './config';
import { kmsDataKeys } from './kms-data-keys';
import { s3FileStorage } from './s3-file-storage';

/**
 * The application routes over the API's dependencies, with the applications' own repositories and, when
 * configured (UPLOAD_BUCKET, AWS_REGION), the upload bucket, and (ACCOUNT_KEY_ID) the KMS key of relief accounts. Served by their own function
 * (handlers/api-applications.ts), the only one with the bucket's grants; the docs function passes no config,
 * to document them.
 */
export function applicationRoutesOnAws(
  deps: Pick<AppDeps, 'repos' | 'clock' | 'logger' | 'onProgramChanged'>,
  config: Pick<ApiConfig, 'tableName' | 'uploadBucket' | 'region'> = apiConfig(),
  /** The KMS key that wraps rapid-payment account numbers' data keys (ACCOUNT_KEY_ID; absent for the docs function). */
  accountKeyId: string | undefined = process.env.ACCOUNT_KEY_ID,
) {
  const { uploadBucket, region } = config;
  return applicationRoutes({
    repos: { ...deps.repos, ...createApplicationRepositories(createDocumentClient(), config.tableName) },
    clock: deps.clock,
    logger: deps.logger,
    ...(deps.onProgramChanged ? { onProgramChanged: deps.onProgramChanged } : {}),
    ...(uploadBucket && region
      ? { fileStorage: s3FileStorage({ bucket: uploadBucket, region, clock: deps.clock }) }
      : {}),
    ...(accountKeyId ? { accountVault: createAccountVault(kmsDataKeys(accountKeyId)) } : {}),
  });
}
