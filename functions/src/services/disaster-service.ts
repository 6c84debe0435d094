import type { ApiRepositories } from '@sbiz24/shared';
import { ConflictError, type Disaster } from '@sbiz24/shared';
import type { Caller, CatalogCache, ProgramChangeEvent } from './types';

export interface DisasterServiceDeps {
  repos: ApiRepositories;
  clock: () => Date;
  catalog: CatalogCache;
  notify: (event: ProgramChangeEvent) => Promise<void>;
}

export function createDisasterService({ repos, clock, catalog, notify }: DisasterServiceDeps) {
  return {
    /** Declares a disaster; its area's businesses match the disaster-relief programs from the next read on. */
    async declare(caller: Caller, disaster: Disaster): Promise<Disaster> {
      let created: Disaster;
      try {
        created = await repos.disasters.create(disaster);
      } catch (err) {
        if (err instanceof ConflictError)
          throw new ConflictError('이미 선포된 재난 ID입니다. 다른 ID를 입력해 주세요.', 'DISASTER_EXISTS');
        throw err;
      }
      const at = clock().toISOString();
      await repos.audit.append({
        entityType: 'disaster',
        entityId: created.id,
        at,
        actorId: caller.sub,
        action: 'declare',
        summary: `재난 선포 (${created.name}, 시군구 ${created.regionCodes.length}곳)`,
      });
      catalog.invalidate();
      await notify({ type: 'disaster-declared', disasterId: created.id, at });
      return created;
    },
  };
}

export type DisasterService = ReturnType<typeof createDisasterService>;
