import type { AgencyId, Disaster, Program } from '@sbiz24/shared';

/** The use cases' own vocabulary: who calls, what changed in the catalog, the catalog as a container sees it. */

export type Role = 'owner' | 'staff' | 'admin';

/** The authenticated caller, from a verified token. */
export interface Caller {
  sub: string;
  name: string;
  role: Role;
  /** The agency of a staff member (absent for owners and usually for admins). */
  agencyId?: AgencyId;
}

/** Verifies a bearer token and returns the caller; throws (any error) when the token is not acceptable. */
export type VerifyToken = (token: string) => Promise<Caller>;

/** What happened to the catalog; the batch recompute hooks here to re-evaluate every business. */
export type ProgramChangeEvent =
  | {
      type: 'program-published' | 'program-closed' | 'program-updated';
      programId: string;
      version: number;
      at: string;
    }
  | { type: 'disaster-declared'; disasterId: string; at: string }
  /** A damage list confirmed businesses' damage: they may now match the disaster's relief programs. */
  | { type: 'damage-imported'; disasterId: string; at: string };

/** The published catalog as one container sees it: every non-draft program (latest version) and every disaster. */
export interface CatalogSnapshot {
  programs: Program[];
  disasters: Disaster[];
  /** When this snapshot was loaded (ISO timestamp). */
  loadedAt: string;
}

/** Per-container cache of the catalog; `invalidate` after a change made through this container. */
export interface CatalogCache {
  get(): Promise<CatalogSnapshot>;
  invalidate(): void;
}
