import { createRequire } from 'node:module';
import type * as ClientDynamoDB from '@aws-sdk/client-dynamodb';
import type * as ClientEventBridge from '@aws-sdk/client-eventbridge';
import type * as ClientKMS from '@aws-sdk/client-kms';
import type * as ClientS3 from '@aws-sdk/client-s3';
import type * as ClientSESv2 from '@aws-sdk/client-sesv2';
import type * as LibDynamoDB from '@aws-sdk/lib-dynamodb';

/**
 * The AWS SDK packages, loaded with `require`. The SDK is external to the bundles (the Lambda runtime provides
 * it) and ships as CommonJS; a static ESM `import` of it makes Node, on every cold start, detect each entry
 * file's module format and scan it for named exports (cjs-module-lexer) before running it. `require` goes
 * straight to the CommonJS loader: the DynamoDB clients load in ~50 instead of ~70 ms, with the S3 client
 * ~70 instead of ~115 ms (Node 20 and 22, `npm run bundle-report -w infra`). require caches, so calling these
 * again costs a cache lookup.
 *
 * Bundles resolve the name from the bundle's folder (`/var/task` on Lambda, then NODE_PATH, which holds the
 * runtime's SDK); tests and the local runtime from this file's, i.e. the repository's node_modules — the same
 * module instances a static import gets, so `instanceof` and SDK mocks keep working.
 */
const requireSdk = createRequire(import.meta.url);

/** `@aws-sdk/client-dynamodb`, loaded on the first call. */
export const clientDynamoDB = (): typeof ClientDynamoDB => requireSdk('@aws-sdk/client-dynamodb');

/** `@aws-sdk/lib-dynamodb` (the DocumentClient and its commands), loaded on the first call. */
export const libDynamoDB = (): typeof LibDynamoDB => requireSdk('@aws-sdk/lib-dynamodb');

/** `@aws-sdk/client-s3`, loaded on the first call: only the staff preview and the batch read snapshots. */
export const clientS3 = (): typeof ClientS3 => requireSdk('@aws-sdk/client-s3');

/** `@aws-sdk/client-eventbridge`, loaded on the first call: only a staff publish, close or declaration puts events. */
export const clientEventBridge = (): typeof ClientEventBridge => requireSdk('@aws-sdk/client-eventbridge');

/** `@aws-sdk/client-sesv2`, loaded on the first call: only the alert sender sends e-mail. */
export const clientSESv2 = (): typeof ClientSESv2 => requireSdk('@aws-sdk/client-sesv2');

/** `@aws-sdk/client-kms`, loaded on the first call: only sealing and opening relief bank accounts use it. */
export const clientKMS = (): typeof ClientKMS => requireSdk('@aws-sdk/client-kms');
