import type { Logger } from '@aws-lambda-powertools/logger';
import type { AgencyId, ApiRepositories } from '@sbiz24/shared';
import type { FileStorage } from '../services/file-storage';
import type { PreviewService } from '../services/preview';
import type { CatalogCache, ProgramChangeEvent, Role, VerifyToken } from '../services/types';
import type { RouteList, Server } from './route';

/** A demo user of the local dev identity issuer. */
export interface DevUser {
  id: string;
  role: Role;
  name: string;
  agencyId?: AgencyId;
}

/**
 * The local dev identity issuer as the API sees it. Only the local runtime provides one; it also supplies
 * the route definitions, so that the Lambda bundle (which never passes one) contains no dev routes at all.
 */
export interface DevAuth {
  users(): DevUser[];
  /** Signs a token for a demo user; NotFoundError for an unknown id. */
  issueToken(userId: string): Promise<string>;
  /** The `/api/dev/*` routes bound to this issuer. */
  routes(): Resource;
}

export interface AppDeps {
  /**
   * Serves `/api/openapi.json` and `/api/docs` from the routes the app registered (`openApiDocs` in
   * http/docs.ts). The local portal and the docs Lambda pass it; the API Lambda does not, so its bundle
   * carries no OpenAPI generator.
   */
  docs?: (routes: RouteList) => Resource;
  repos: ApiRepositories;
  clock: () => Date;
  verifyToken: VerifyToken;
  logger: Logger;
  /** The per-container catalog cache; made from `repos` and `clock` when absent. */
  catalogCache?: CatalogCache;
  devAuth?: DevAuth;
  /**
   * Told of each catalog change after it is stored (locally: queue a recompute; on AWS: put it on the
   * EventBridge bus). Awaited, so a Lambda does not freeze with the put in flight; a failure is logged and
   * does not fail the staff's request — the change is stored and the nightly run recomputes it.
   */
  onProgramChanged?: (event: ProgramChangeEvent) => void | Promise<void>;
  /** The exact impact preview over the latest batch snapshot; without it the preview answers 503. */
  preview?: PreviewService;
  /**
   * Where application files' bytes live (S3 on AWS, the data folder locally); without it the file routes
   * that touch bytes answer 503 FILES_UNAVAILABLE (attaching already checked files still works).
   */
  fileStorage?: FileStorage;
  /** Told when an owner's inbox entry could not be written after a committed application step (ids only). */
  onNotifyError?: (err: unknown, applicationId: string) => void;
}

export type { Access, AppEnv } from './route';

/**
 * A resource serves its routes, each declared once with `defineRoute` (path, access rule, request and
 * response schemas from the contract): validation, the handler's types and the OpenAPI document all come
 * from that declaration.
 */
export type Resource = (server: Server) => void;
