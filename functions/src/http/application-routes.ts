import { randomBytes } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { ApplicationRepositories } from '@sbiz24/shared';
import type { AccountVault } from '../services/account-vault';
import { createApplicationReports } from '../services/application-reports';
import { createApplicationService } from '../services/application-service';
import { createCatalogCache } from '../services/catalog-cache';
import { CATALOG_EVENT_FAILED_MESSAGE } from '../services/catalog-events';
import { createDamageImportService } from '../services/damage-import';
import { createFileService } from '../services/file-service';
import type { FileStorage } from '../services/file-storage';
import { createRapidPaymentService } from '../services/rapid-payment';
import type { CatalogCache, ProgramChangeEvent } from '../services/types';
import { HttpError } from './errors';
import { applicationsResource } from './routes/applications';
import { filesResource } from './routes/files';
import { rapidPaymentResource } from './routes/rapid-payment';
import { reliefImportsResource } from './routes/relief-imports';
import { staffApplicationsResource } from './routes/staff-applications';
import type { Resource } from './types';

export interface ApplicationRouteDeps {
  repos: ApplicationRepositories;
  clock: () => Date;
  logger: Logger;
  /** The catalog cache to share with the rest of the app; made from `repos` and `clock` when absent. */
  catalogCache?: CatalogCache;
  /**
   * Where application files' bytes live (S3 on AWS, the data folder locally); without it the file routes
   * that touch bytes answer 503 FILES_UNAVAILABLE (attaching already checked files still works).
   */
  fileStorage?: FileStorage;
  /** Told when an owner's inbox entry could not be written after a committed application step (ids only). */
  onNotifyError?: (err: unknown, applicationId: string) => void;
  /** Starts the recompute after a damage list is applied (createApp's `onProgramChanged`; none: no recompute). */
  onProgramChanged?: (event: ProgramChangeEvent) => void | Promise<void>;
  /**
   * Seals and opens rapid-payment account numbers (KMS data keys on AWS, the data folder's key file locally);
   * without it, rapid-payment applications and payment files answer 503 ACCOUNTS_UNAVAILABLE.
   */
  accountVault?: AccountVault;
}

/**
 * The application routes (issue 12): 통합신청, 신청 현황, 보완, 지원 이력, files, and the staff queue, decisions,
 * statistics and CSV export. Served by their own function on AWS (handlers/api-applications.ts), the only one
 * with the upload bucket's grants, so the main API function's bundle stays under its ceiling; locally and in
 * tests they are one more resource of the same app.
 */
export function applicationRoutes(deps: ApplicationRouteDeps): Resource {
  const { repos, clock, logger } = deps;
  const catalog =
    deps.catalogCache ?? createCatalogCache({ programs: repos.programs, disasters: repos.disasters, clock });
  const accountVault = deps.accountVault ?? noAccountVault;
  const applications = createApplicationService({
    repos,
    clock,
    catalog,
    accountVault,
    onNotifyError:
      deps.onNotifyError ??
      ((err, applicationId) =>
        logger.error('application notification failed', { applicationId, error: err as Error })),
  });
  const files = createFileService({ files: repos.files, storage: deps.fileStorage ?? noFileStorage, clock });
  const reports = createApplicationReports({ repos });
  // A failed recompute trigger is logged, never a 5xx: the import itself is committed and audited.
  const notify = async (event: ProgramChangeEvent): Promise<void> => {
    try {
      await deps.onProgramChanged?.(event);
    } catch (err) {
      logger.error(CATALOG_EVENT_FAILED_MESSAGE, { eventType: event.type, error: err as Error });
    }
  };
  const damageImports = createDamageImportService({ repos, clock, notify });
  const rapid = createRapidPaymentService({
    repos,
    clock,
    catalog,
    accountVault,
    applications,
    newId: () => randomBytes(16).toString('base64url'),
  });
  const resources = [
    applicationsResource({ applications, files, repos, clock }),
    staffApplicationsResource({ applications, reports }),
    filesResource({ files, applications }),
    reliefImportsResource({ damageImports }),
    rapidPaymentResource({ rapid }),
  ];
  return (server) => {
    for (const serve of resources) serve(server);
  };
}

const filesUnavailable = (): never => {
  throw new HttpError(503, 'FILES_UNAVAILABLE', '파일 저장소가 설정되지 않아 파일을 다룰 수 없습니다.');
};

/** Storage of an app deployed without one: every use answers 503. */
const noFileStorage: FileStorage = {
  uploadTicket: async () => filesUnavailable(),
  inspect: async () => filesUnavailable(),
  downloadUrl: async () => filesUnavailable(),
  keep: async () => filesUnavailable(),
  remove: async () => filesUnavailable(),
};

const accountsUnavailable = (): never => {
  throw new HttpError(
    503,
    'ACCOUNTS_UNAVAILABLE',
    '계좌 암호화 키가 설정되지 않아 신속지급 계좌를 다룰 수 없습니다.',
  );
};

/** The vault of an app deployed without an account key: every use answers 503. */
const noAccountVault: AccountVault = {
  seal: async () => accountsUnavailable(),
  open: async () => accountsUnavailable(),
};
