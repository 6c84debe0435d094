import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AlertRepositories, ApiRepositories, Repositories } from '@sbiz24/shared';
import { createAlertPreferencesRepository } from './alert-preferences-repository';
import { createApplicationRepository } from './application-repository';
import { createAuditRepository } from './audit-repository';
import { createBusinessRepository } from './business-repository';
import { createContactVerificationRepository } from './contact-verification-repository';
import { createDisasterRepository } from './disaster-repository';
import { createFileRepository } from './file-repository';
import { createFirstSignInRepository } from './first-sign-in-repository';
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
  };
}

/** The application routes' own repositories (their own function on AWS, with the API's set besides). */
export function createApplicationRepositories(
  doc: DynamoDBDocumentClient,
  tableName: string,
): Pick<Repositories, 'applications' | 'files'> {
  return {
    applications: createApplicationRepository(doc, tableName),
    files: createFileRepository(doc, tableName),
  };
}

/** The alert settings' repositories (their own function on AWS). */
export function createAlertRepositories(
  doc: DynamoDBDocumentClient,
  tableName: string,
): Omit<AlertRepositories, 'audit'> {
  return {
    alertPreferences: createAlertPreferencesRepository(doc, tableName),
    contactVerifications: createContactVerificationRepository(doc, tableName),
    firstSignIn: createFirstSignInRepository(doc, tableName),
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
    ...createApplicationRepositories(doc, tableName),
    ...createAlertRepositories(doc, tableName),
  };
}
