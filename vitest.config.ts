import { defineConfig } from 'vitest/config';

// One runner for every workspace. Projects split the suite by what a test needs:
// unit (no network), integ (a real local DynamoDB server or the local portal), web (jsdom), e2e (Chromium
// against the real local portal).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{shared,functions,infra}/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.integ.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integ',
          include: ['{shared,functions,infra}/**/*.integ.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      './web/vitest.config.ts',
      {
        test: {
          name: 'e2e',
          include: ['web/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
