import { HealthResponseSchema } from '@sbiz24/shared/contract/common';
import { defineRoute, jsonResponse, reply } from '../route';
import type { AppDeps, Resource } from '../types';

const health = defineRoute('public', {
  method: 'get',
  path: '/api/health',
  tags: ['상태'],
  summary: '서버 상태 확인',
  responses: { 200: jsonResponse(HealthResponseSchema, '`status`는 항상 ok') },
});

export function healthResource({ clock }: Pick<AppDeps, 'clock'>): Resource {
  return (server) => {
    server.serve(health, () => reply({ status: 'ok' as const, time: clock().toISOString() }, 200));
  };
}
