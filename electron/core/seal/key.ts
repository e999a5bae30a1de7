import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The installation's private key, in the data folder and readable by its owner only. */
export const keyFileName = 'signing-key.pem';

export interface InstallationKey {
  fingerprint: string;
  /** The public key as SPKI DER, base64: what a package carries so anyone can check its seal. */
  publicKey: string;
  sign(data: Buffer): Buffer;
}

/**
 * SHA-256 of the public key in 16 groups of four hex digits: short enough to
 * read aloud and compare with the one printed on a record's last page.
 */
export function fingerprintOf(publicKeyDer: Buffer): string {
  return createHash('sha256').update(publicKeyDer).digest('hex').match(/.{4}/g)!.join(' ');
}

function fromPrivateKey(privateKey: KeyObject): InstallationKey {
  const der = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return {
    fingerprint: fingerprintOf(der),
    publicKey: der.toString('base64'),
    // Ed25519 hashes internally: the algorithm argument must be null.
    sign: (data) => sign(null, data, privateKey),
  };
}

/** Loads the data folder's key, creating it on first use; written to a temporary name and renamed, so a crash leaves no half key. */
export function loadInstallationKey(dataDir: string): InstallationKey {
  const file = join(dataDir, keyFileName);
  try {
    return fromPrivateKey(createPrivateKey(readFileSync(file, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  return fromPrivateKey(privateKey);
}

export function verifySignature(publicKeyBase64: string, data: Buffer, signature: Buffer): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeyBase64, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' && verify(null, data, key, signature);
  } catch {
    return false;
  }
}
