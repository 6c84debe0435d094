import { type Disaster, DisasterSchema } from '@sbiz24/shared';
import type { DisasterService } from '../../services/disaster-service';
import { callerOf } from '../middleware/auth';
import type { Resource } from '../types';
import { readJson } from '../validate';

export function staffDisastersResource({ disasters }: { disasters: DisasterService }): Resource {
  return {
    prefix: '/api/staff/disasters',
    tag: '담당자: 재난',
    routes: [
      {
        method: 'post',
        path: '/',
        summary: '재난 선포 (피해 시군구, 기간)',
        description: '선포하면 그 지역 사업자에게 재난지원 사업이 바로 맞춰집니다.',
        access: 'staff',
        body: DisasterSchema,
        success: { status: 201, description: '`{ disaster }`' },
        errors: [409],
        handler: async (c) => {
          const input: Disaster = await readJson(c, DisasterSchema);
          return c.json({ disaster: await disasters.declare(callerOf(c), input) }, 201);
        },
      },
    ],
  };
}
