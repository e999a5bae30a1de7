import { createHash } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import type { InstallationKey } from './key.js';
import { manifestFormat, manifestName, signatureName, type Manifest } from './manifest.js';
import { ZipWriter } from './zip.js';

/**
 * One file of a package: bytes already in memory, or a file streamed from
 * disk (evidence may be gigabytes) with the SHA-256 it is stored under, which
 * the copy must reproduce.
 */
export type PackageFile = { path: string; bytes: Buffer } | { path: string; source: string; sha256: string };

/** A stored file that is gone or no longer matches its hash: the package is not written around it. */
export class PackageSourceError extends Error {
  constructor(
    readonly sha256: string,
    readonly problem: 'missing' | 'corrupt',
  ) {
    super(`${problem} source file ${sha256}`);
  }
}

async function addSource(zip: ZipWriter, file: Extract<PackageFile, { source: string }>) {
  let written;
  try {
    written = await zip.addFile(file.path, file.source);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new PackageSourceError(file.sha256, 'missing');
    throw error;
  }
  if (written.sha256 !== file.sha256) throw new PackageSourceError(file.sha256, 'corrupt');
  return written;
}

export interface SealedPackage {
  manifestSha256: string;
  bytes: number;
}

/**
 * Writes a sealed case package: every file, then manifest.json listing their
 * hashes, then manifest.sig. Written under a temporary name and renamed, so a
 * crash or a full disk never leaves something that looks like a package.
 */
export async function writeSealedPackage(
  target: string,
  header: Omit<Manifest, 'format' | 'version' | 'key' | 'files'>,
  files: readonly PackageFile[],
  key: InstallationKey,
): Promise<SealedPackage> {
  const temporary = `${target}.${process.pid}.partial`;
  const zip = await ZipWriter.create(temporary);
  try {
    const listed: Manifest['files'] = [];
    for (const file of files) {
      const written = 'bytes' in file ? await zip.addBytes(file.path, file.bytes) : await addSource(zip, file);
      listed.push({ path: written.name, sha256: written.sha256, bytes: written.size });
    }
    const manifest: Manifest = {
      format: manifestFormat,
      version: 1,
      ...header,
      key: { algorithm: 'Ed25519', publicKey: key.publicKey, fingerprint: key.fingerprint },
      files: listed,
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    await zip.addBytes(manifestName, manifestBytes);
    await zip.addBytes(signatureName, Buffer.from(`${key.sign(manifestBytes).toString('base64')}\n`, 'utf8'));
    const bytes = await zip.close();
    await rename(temporary, target);
    return { manifestSha256: createHash('sha256').update(manifestBytes).digest('hex'), bytes };
  } catch (error) {
    await zip.abandon().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}
