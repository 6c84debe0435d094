import { createRemoteJWKSet } from 'jose';
import { createTokenVerifier } from '../http/token-verifier';
import type { AppDeps } from '../http/types';
import { createLogger } from '../services/logger';
import { createDocumentClient } from '../store/dynamo-client';
import { createApiRepositories } from '../store/repositories';
import { type ApiConfig, apiConfig } from './config';
import { eventBusPublisher } from './event-bus';
import { awsPreviewService } from './preview';
import { s3FileStorage } from './s3-file-storage';

/**
 * The API's dependencies on AWS: the table through one DocumentClient per container, Cognito's key set
 * (fetched once and cached by jose), the system clock, the snapshot bucket for the staff preview, and the
 * EventBridge bus that catalog changes are put on. No dev issuer: the Lambda has no demo logins.
 */
export function realDeps(config: ApiConfig = apiConfig()): AppDeps {
  const repos = createApiRepositories(createDocumentClient(), config.tableName);
  const clock = () => new Date();
  return {
    repos,
    clock,
    ...(config.snapshotBucket
      ? {
          preview: awsPreviewService({
            bucket: config.snapshotBucket,
            disasters: () => repos.disasters.list(),
            clock,
          }),
        }
      : {}),
    ...(config.uploadBucket && config.region
      ? { fileStorage: s3FileStorage({ bucket: config.uploadBucket, region: config.region, clock }) }
      : {}),
    ...(config.eventBusName ? { onProgramChanged: eventBusPublisher({ busName: config.eventBusName }) } : {}),
    verifyToken: createTokenVerifier({
      keySet: createRemoteJWKSet(new URL(config.cognitoJwksUrl)),
      issuer: config.cognitoIssuer,
      audience: config.cognitoClientId,
    }),
    logger: createLogger({ level: config.logLevel }),
  };
}
