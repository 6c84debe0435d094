import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ApiRepositories, Repositories } from '@sbiz24/shared';
import { createAlertPreferencesRepository } from './alert-preferences-repository';
import { createApplicationRepository } from './application-repository';
import { createAuditRepository } from './audit-repository';
import { createBusinessRepository } from './business-repository';
import { createDisasterRepository } from './disaster-repository';
import { createFileRepository } from './file-repository';
import { createNotificationRepository } from './notification-repository';
import { createProgramRepository } from './program-repository';
import type { StoreOptions } from './store-options';

/** The repositories the HTTP API uses (see `ApiRepositories`), over one table and one DocumentClient. */
export function createApiRepositories(
  doc: DynamoDBDocumentClient,
  tableName: string,
  options: StoreOptions = {},
): ApiRepositories {
  return {
    businesses: createBusinessRepository(doc, tableName, options),
    programs: createProgramRepository(doc, tableName, options),
    disasters: createDisasterRepository(doc, tableName, options),
    notifications: createNotificationRepository(doc, tableName, options),
    audit: createAuditRepository(doc, tableName),
    applications: createApplicationRepository(doc, tableName),
    files: createFileRepository(doc, tableName),
  };
}

/** Every repository over one table and one DocumentClient. */
export function createRepositories(
  doc: DynamoDBDocumentClient,
  tableName: string,
  options: StoreOptions = {},
): Repositories {
  return {
    ...createApiRepositories(doc, tableName, options),
    alertPreferences: createAlertPreferencesRepository(doc, tableName),
  };
}
