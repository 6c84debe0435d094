import type { Logger } from '@aws-lambda-powertools/logger';
import type { AgencyId, Repositories } from '@sbiz24/shared';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { PreviewService } from '../services/preview';
import type { Caller, CatalogCache, ProgramChangeEvent, Role, VerifyToken } from '../services/types';

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
  repos: Repositories;
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
}

/** Hono environment: what middleware puts on the context. */
export interface AppEnv {
  Variables: {
    correlationId: string;
    logger: Logger;
    caller?: Caller;
  };
}

/**
 * Who may call a route: anyone; any signed-in user; owners; staff and admins (agency checks happen in the
 * service, per program); admins only.
 */
export type Access = 'public' | 'user' | 'owner' | 'staff' | 'admin';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One route, described once: the app registers it (with its access rule) and the OpenAPI document is
 * generated from the same definition.
 */
export interface RouteDef {
  method: HttpMethod;
  /** Path relative to the resource prefix, Hono syntax (`/:id`). */
  path: string;
  summary: string;
  description?: string;
  access: Access;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success status and what it returns (JSON unless `contentType` says otherwise). */
  success: { status: number; description: string; contentType?: string };
  /** Error statuses this route can answer besides the common ones (400, 401/403 for non-public, 500). */
  errors?: number[];
  handler: (c: Context<AppEnv>) => Response | Promise<Response>;
}

/** A resource: a prefix (mounted as one Hono sub-app), an OpenAPI tag, and its routes. */
export interface Resource {
  prefix: string;
  tag: string;
  routes: RouteDef[];
}
