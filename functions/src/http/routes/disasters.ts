import type { CatalogCache } from '../../services/types';
import type { Resource } from '../types';

export function disastersResource({ catalog }: { catalog: CatalogCache }): Resource {
  return {
    prefix: '/api/disasters',
    tag: '재난',
    routes: [
      {
        method: 'get',
        path: '/',
        summary: '선포된 재난 목록',
        description: '특별재난지역 등으로 선포된 재난과 피해 지역(시군구 코드)입니다. 시작일 순입니다.',
        access: 'public',
        success: { status: 200, description: '`{ items: Disaster[] }`' },
        handler: async (c) => c.json({ items: (await catalog.get()).disasters }),
      },
    ],
  };
}
