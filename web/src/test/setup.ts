import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { initI18n } from '../i18n/i18n';

beforeAll(async () => {
  await initI18n('ko');
  // The client checks every answer against the contract in tests; load the schemas once, up front, so that
  // the first answer of a test is not slowed by the import.
  await import('../api/check-answer');
});

afterEach(() => {
  cleanup();
});
