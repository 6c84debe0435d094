import { describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../testing/test-app';
import { API_SECURITY_HEADERS } from './security-headers';

describe('API security headers', () => {
  it('sends every header of the table on success and error responses alike', async () => {
    const { app } = await createTestApp();
    for (const path of ['/api/health', '/api/programs/no-such-program']) {
      const res = await call(app, 'GET', path);
      for (const [name, value] of API_SECURITY_HEADERS)
        expect(res.headers.get(name), `${path} ${name}`).toBe(value);
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });
});
