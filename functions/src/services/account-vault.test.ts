import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { createAccountVault, type DataKeyProvider, masterKeyProvider } from './account-vault';

const provider = () => masterKeyProvider(randomBytes(32), 'test-key');

describe('account vault', () => {
  it('seals and opens a number for its record, and the sealed form holds no digits of it', async () => {
    const vault = createAccountVault(provider());
    const sealed = await vault.seal('110123456456', 'app-1');
    expect(JSON.stringify(sealed)).not.toContain('123456');
    expect(await vault.open(sealed, 'app-1')).toBe('110123456456');
  });

  it('refuses a sealed number moved to another record, tampered with, or sealed under another master key', async () => {
    const p = provider();
    const vault = createAccountVault(p);
    const sealed = await vault.seal('110123456456', 'app-1');
    await expect(vault.open(sealed, 'app-2')).rejects.toThrow();
    const flipped = Buffer.from(sealed.data, 'base64');
    flipped[0]! ^= 1;
    await expect(vault.open({ ...sealed, data: flipped.toString('base64') }, 'app-1')).rejects.toThrow();
    const other = createAccountVault(masterKeyProvider(randomBytes(32), 'test-key'));
    await expect(other.open(sealed, 'app-1')).rejects.toThrow();
    const renamed = createAccountVault(masterKeyProvider(randomBytes(32), 'new-key'));
    await expect(renamed.open(sealed, 'app-1')).rejects.toThrow(/another master key/);
  });

  it('uses each data key for a bounded number of seals and time, and unwraps each stored key once', async () => {
    const p = provider();
    const counted: DataKeyProvider = { generate: vi.fn(p.generate), unwrap: vi.fn(p.unwrap) };
    let clock = 0;
    const vault = createAccountVault(counted, { dataKeyUses: 3, dataKeyTtlMs: 1000, now: () => clock });
    const sealed = await Promise.all(
      Array.from({ length: 7 }, (_, i) => vault.seal(`11012345645${i}`, `a${i}`)),
    );
    expect(counted.generate).toHaveBeenCalledTimes(3);
    expect(new Set(sealed.map((s) => s.key)).size).toBe(3);
    clock = 2000;
    await vault.seal('1101234564', 'late');
    expect(counted.generate).toHaveBeenCalledTimes(4);

    const reader = createAccountVault(counted);
    const opened = await Promise.all(sealed.map((s, i) => reader.open(s, `a${i}`)));
    expect(opened).toEqual(Array.from({ length: 7 }, (_, i) => `11012345645${i}`));
    expect(counted.unwrap).toHaveBeenCalledTimes(3);
  });
});
