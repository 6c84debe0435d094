import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { initI18n } from '../i18n/i18n';

beforeAll(async () => {
  await initI18n('ko');
});

afterEach(() => {
  cleanup();
});
