import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Repositories } from '@sbiz24/shared';
import { createAlertPreferencesRepository } from './alert-preferences-repository';
import { createApplicationRepository } from './application-repository';
import { createAuditRepository } from './audit-repository';
import { createBusinessRepository } from './business-repository';
import { createDisasterRepository } from './disaster-repository';
import { createNotificationRepository } from './notification-repository';
import { createProgramRepository } from './program-repository';
import type { StoreOptions } from './store-options';

/** Every repository over one table and one DocumentClient. */
export function createRepositories(
  doc: DynamoDBDocumentClient,
  tableName: string,
  options: StoreOptions = {},
): Repositories {
  return {
    businesses: createBusinessRepository(doc, tableName, options),
    programs: createProgramRepository(doc, tableName, options),
    disasters: createDisasterRepository(doc, tableName, options),
    notifications: createNotificationRepository(doc, tableName, options),
    audit: createAuditRepository(doc, tableName),
    alertPreferences: createAlertPreferencesRepository(doc, tableName),
    applications: createApplicationRepository(doc, tableName),
  };
}
