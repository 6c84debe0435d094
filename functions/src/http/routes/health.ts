import type { AppDeps, Resource } from '../types';

export function healthResource({ clock }: Pick<AppDeps, 'clock'>): Resource {
  return {
    prefix: '/api/health',
    tag: '상태',
    routes: [
      {
        method: 'get',
        path: '/',
        summary: '서버 상태 확인',
        access: 'public',
        success: { status: 200, description: '`{ status: "ok", time }`' },
        handler: (c) => c.json({ status: 'ok', time: clock().toISOString() }),
      },
    ],
  };
}
