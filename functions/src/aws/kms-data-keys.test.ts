import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createAccountVault } from '../services/account-vault';
import { kmsDataKeys } from './kms-data-keys';

describe('KMS data keys', () => {
  it('seals under a generated data key and opens by asking KMS to decrypt the stored one, with the purpose bound', async () => {
    const kms = mockClient(KMSClient);
    const plaintext = new Uint8Array(32).fill(7);
    const blob = new Uint8Array([1, 2, 3, 4]);
    kms.on(GenerateDataKeyCommand).resolves({ Plaintext: plaintext, CiphertextBlob: blob, KeyId: 'k' });
    kms.on(DecryptCommand).resolves({ Plaintext: plaintext, KeyId: 'k' });
    const vault = createAccountVault(kmsDataKeys('alias/sbiz24-accounts', new KMSClient({})));

    const sealed = await vault.seal('110123456456', 'app-1');
    expect(sealed.key).toBe(Buffer.from(blob).toString('base64'));
    expect(
      await createAccountVault(kmsDataKeys('alias/sbiz24-accounts', new KMSClient({}))).open(sealed, 'app-1'),
    ).toBe('110123456456');

    const generate = kms.commandCalls(GenerateDataKeyCommand)[0]!.args[0].input;
    expect(generate).toMatchObject({ KeyId: 'alias/sbiz24-accounts', KeySpec: 'AES_256' });
    expect(generate.EncryptionContext).toEqual({ purpose: 'sbiz24-relief-account' });
    const decrypt = kms.commandCalls(DecryptCommand)[0]!.args[0].input;
    expect(Buffer.from(decrypt.CiphertextBlob!)).toEqual(Buffer.from(blob));
    expect(decrypt.EncryptionContext).toEqual({ purpose: 'sbiz24-relief-account' });
    kms.restore();
  });
});
