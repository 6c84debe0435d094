import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Bank account numbers for relief payments, sealed with envelope encryption: each number is encrypted with
 * AES-256-GCM under a data key, and the data key is stored beside it wrapped by a master key the portal
 * never holds in the clear on AWS (KMS: aws/kms-data-keys.ts) and holds in a key file locally
 * (local/account-key-file.ts). The record it belongs to (the application id) is authenticated with it, so a
 * sealed number copied onto another application does not open. Only the application service (one-click
 * apply) and the payment export open it; everything else shows the masked form kept beside it.
 */

/** Where data keys come from and how a stored (wrapped) data key is opened again. */
export interface DataKeyProvider {
  /** A fresh 32-byte data key and its wrapped form, to be stored with what it encrypts. */
  generate(): Promise<{ plaintext: Uint8Array; wrapped: string }>;
  /** The data key inside `wrapped`; throws if it was not wrapped by this provider's master key. */
  unwrap(wrapped: string): Promise<Uint8Array>;
}

/** A sealed account number as stored: the wrapped data key, the nonce and the ciphertext with its tag. */
export interface SealedAccountNumber {
  v: 1;
  /** The data key, wrapped by the master key. */
  key: string;
  /** 12-byte GCM nonce, base64. */
  iv: string;
  /** Ciphertext followed by the 16-byte tag, base64. */
  data: string;
}

export interface AccountVault {
  /** Seals `digits` for the record `context` (an application id). */
  seal(digits: string, context: string): Promise<SealedAccountNumber>;
  /** The digits, if `sealed` was sealed for `context` by this portal's master key; throws otherwise. */
  open(sealed: SealedAccountNumber, context: string): Promise<string>;
}

export interface AccountVaultOptions {
  /** Numbers sealed under one data key before a new one is generated. @default 1000 */
  dataKeyUses?: number;
  /** Longest a data key is used for sealing. @default 5 minutes */
  dataKeyTtlMs?: number;
  /** Unwrapped data keys kept for opening (a payment export opens thousands under a few keys). @default 64 */
  openCacheSize?: number;
  now?: () => number;
}

const AAD_PREFIX = 'sbiz24/relief-account/v1:';

export function createAccountVault(
  provider: DataKeyProvider,
  options: AccountVaultOptions = {},
): AccountVault {
  const uses = options.dataKeyUses ?? 1000;
  const ttl = options.dataKeyTtlMs ?? 5 * 60_000;
  const cacheSize = options.openCacheSize ?? 64;
  const now = options.now ?? Date.now;
  let current: { plaintext: Uint8Array; wrapped: string; left: number; until: number } | undefined;
  let pending: Promise<NonNullable<typeof current>> | undefined;
  const opened = new Map<string, Promise<Uint8Array>>();

  async function sealingKey() {
    if (current && current.left > 0 && current.until > now()) return current;
    // One generate call however many seals wait for it.
    pending ??= provider
      .generate()
      .then((k) => {
        current = { ...k, left: uses, until: now() + ttl };
        return current;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  }

  function openingKey(wrapped: string): Promise<Uint8Array> {
    let key = opened.get(wrapped);
    if (!key) {
      key = provider.unwrap(wrapped);
      key.catch(() => opened.delete(wrapped));
      if (opened.size >= cacheSize) opened.delete(opened.keys().next().value!);
      opened.set(wrapped, key);
    }
    return key;
  }

  return {
    async seal(digits, context) {
      let key = await sealingKey();
      // Seals that waited together for one new key share its uses; the ones beyond them wait for the next.
      while (key.left <= 0 || key.until <= now()) {
        if (current === key) current = undefined;
        key = await sealingKey();
      }
      key.left--;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key.plaintext, iv);
      cipher.setAAD(Buffer.from(AAD_PREFIX + context));
      const data = Buffer.concat([cipher.update(digits, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return { v: 1, key: key.wrapped, iv: iv.toString('base64'), data: data.toString('base64') };
    },

    async open(sealed, context) {
      if (sealed.v !== 1) throw new Error('unknown sealed account format');
      const key = await openingKey(sealed.key);
      const data = Buffer.from(sealed.data, 'base64');
      if (data.length < 17) throw new Error('sealed account too short');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(AAD_PREFIX + context));
      decipher.setAuthTag(data.subarray(data.length - 16));
      return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

/**
 * A provider whose master key is 32 bytes the caller holds (the local key file; tests): data keys are
 * wrapped with AES-256-GCM under it. `keyId` names the master key inside each wrapped key, so a key file
 * replaced by another is reported as such rather than as corrupt data.
 */
export function masterKeyProvider(masterKey: Uint8Array, keyId: string): DataKeyProvider {
  if (masterKey.length !== 32) throw new RangeError('the master key must be 32 bytes');
  if (!/^[\w-]{1,64}$/.test(keyId)) throw new RangeError('bad key id');
  return {
    async generate() {
      const plaintext = randomBytes(32);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
      cipher.setAAD(Buffer.from(keyId));
      const wrapped = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
      return { plaintext, wrapped: `${keyId}.${wrapped.toString('base64')}` };
    },
    async unwrap(wrapped) {
      const [id, body] = wrapped.split('.');
      if (id !== keyId || !body) throw new Error(`data key was wrapped by another master key (${id ?? '?'})`);
      const bytes = Buffer.from(body, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', masterKey, bytes.subarray(0, 12));
      decipher.setAAD(Buffer.from(keyId));
      decipher.setAuthTag(bytes.subarray(bytes.length - 16));
      return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]);
    },
  };
}
