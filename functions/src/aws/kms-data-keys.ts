import type { KMSClient } from '@aws-sdk/client-kms';
import type { DataKeyProvider } from '../services/account-vault';
import { clientKMS } from '../store/aws-sdk';

/** Bound to every data key: KMS refuses to unwrap a key asked for under another purpose (or in CloudTrail). */
const ENCRYPTION_CONTEXT = { purpose: 'sbiz24-relief-account' };

/**
 * Data keys for relief bank accounts from AWS KMS (envelope encryption): GenerateDataKey under the portal's
 * account key gives a 256-bit key in the clear (used in memory only) and wrapped (stored); Decrypt unwraps a
 * stored one. Only the functions granted the key (the API's application service and payment export; see
 * infra) can do either, and every use is in CloudTrail.
 */
export function kmsDataKeys(keyId: string, client?: KMSClient): DataKeyProvider {
  const sdk = clientKMS();
  const kms = client ?? new sdk.KMSClient({});
  return {
    async generate() {
      const out = await kms.send(
        new sdk.GenerateDataKeyCommand({
          KeyId: keyId,
          KeySpec: 'AES_256',
          EncryptionContext: ENCRYPTION_CONTEXT,
        }),
      );
      if (!out.Plaintext || !out.CiphertextBlob) throw new Error('KMS returned no data key');
      return { plaintext: out.Plaintext, wrapped: Buffer.from(out.CiphertextBlob).toString('base64') };
    },
    async unwrap(wrapped) {
      const out = await kms.send(
        new sdk.DecryptCommand({
          KeyId: keyId,
          CiphertextBlob: Buffer.from(wrapped, 'base64'),
          EncryptionContext: ENCRYPTION_CONTEXT,
        }),
      );
      if (!out.Plaintext) throw new Error('KMS returned no plaintext');
      return out.Plaintext;
    },
  };
}
