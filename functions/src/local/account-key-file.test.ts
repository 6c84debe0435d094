import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAccountVault } from '../services/account-vault';
import { ACCOUNT_KEY_FILE, localAccountKeys } from './account-key-file';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('local account key file', () => {
  it('is created once, readable by this user only, and opens what an earlier start sealed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sbiz24-keys-'));
    const sealed = await createAccountVault(localAccountKeys(dir)).seal('3333012345678', 'app-9');
    expect(statSync(join(dir, ACCOUNT_KEY_FILE)).mode & 0o777).toBe(0o600);

    const restarted = createAccountVault(localAccountKeys(dir));
    expect(await restarted.open(sealed, 'app-9')).toBe('3333012345678');
  });

  it('does not open accounts sealed under another data folder’s key', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sbiz24-keys-'));
    const sealed = await createAccountVault(localAccountKeys(join(dir, 'a'))).seal('3333012345678', 'app-9');
    await expect(
      createAccountVault(localAccountKeys(join(dir, 'b'))).open(sealed, 'app-9'),
    ).rejects.toThrow();
  });
});
