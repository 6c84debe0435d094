import { DisasterListResponseSchema } from '@sbiz24/shared/contract/staff';
import type { CatalogCache } from '../../services/types';
import { defineRoute, jsonResponse, reply } from '../route';
import type { Resource } from '../types';

const list = defineRoute('public', {
  method: 'get',
  path: '/api/disasters',
  tags: ['재난'],
  summary: '선포된 재난 목록',
  description: '선포된 재난과 피해 시군구, 시작일 순.',
  responses: { 200: jsonResponse(DisasterListResponseSchema) },
});

export function disastersResource({ catalog }: { catalog: CatalogCache }): Resource {
  return (server) => {
    server.serve(list, async () => reply({ items: (await catalog.get()).disasters }, 200));
  };
}
