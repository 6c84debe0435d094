import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DataKeyProvider, masterKeyProvider } from '../services/account-vault';

/** Where the local portal keeps the master key of relief bank accounts, under its data folder. */
export const ACCOUNT_KEY_FILE = join('keys', 'relief-accounts.key');

/**
 * The local stand-in for KMS: a 256-bit master key created on first use in `<dataDir>/keys/` (readable by
 * this user only) and read on every later start, so the accounts sealed in a data folder open again after a
 * restart. Deleting the file makes that folder's sealed accounts unreadable, as deleting a KMS key would.
 */
export function localAccountKeys(dataDir: string): DataKeyProvider {
  const file = join(dataDir, ACCOUNT_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 256-bit key`);
  return masterKeyProvider(key, 'local');
}
