import { beforeAll, describe } from 'vitest';
import { alertsSuite } from './suites/alerts.js';
import { apiSuite } from './suites/api.js';
import { authSuite } from './suites/auth.js';
import { batchSuite } from './suites/batch.js';
import { dataSuite } from './suites/data.js';
import { iamSuite } from './suites/iam.js';
import { monitoringSuite } from './suites/monitoring.js';
import { nagSuite } from './suites/nag.js';
import { webSuite } from './suites/web.js';
import { type Synthesized, synthPortal } from './synth.js';

// Two synths (dev and prod, cdk-nag on, Lambda bundling stubbed) shared by every assertion below.
let dev: Synthesized | undefined;
let prod: Synthesized | undefined;
beforeAll(() => {
  dev = synthPortal({ stage: 'dev', nag: true });
  prod = synthPortal({ stage: 'prod', nag: true });
}, 180_000);
const getDev = () => dev!;
const getProd = () => prod!;

describe('Data', () => dataSuite(getDev, getProd));
describe('Auth', () => authSuite(getDev, getProd));
describe('Api', () => apiSuite(getDev, getProd));
describe('Web', () => webSuite(getDev));
describe('Alerts', () => alertsSuite(getDev));
describe('Batch', () => batchSuite(getDev, getProd));
describe('IAM', () => iamSuite(getDev));
describe('Monitoring', () => monitoringSuite(getDev, getProd));
describe('cdk-nag', () => nagSuite(getDev, getProd));
