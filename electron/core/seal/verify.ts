import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { PackageProblem, PackageVerdict } from '../contract/index.js';
import { fingerprintOf, verifySignature } from './key.js';
import { manifestName, manifestSchema, signatureName, type Manifest } from './manifest.js';
import { ZipReader, ZipStructureError } from './zip.js';

/** A manifest lists files, not their contents: anything larger is not one of ours. */
const maxManifestBytes = 16 * 1024 * 1024;

const refused = (reason: PackageProblem, file: string | null, detail: string): PackageVerdict => ({ valid: false, reason, file, detail });

async function looksLikeZip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

/**
 * Checks a case package end to end: the zip's structure byte for byte, the
 * manifest's seal against the key it names, the list of files, then every
 * file's SHA-256, in order; the first problem found is the answer.
 */
export async function verifyPackage(path: string): Promise<PackageVerdict> {
  try {
    if (!(await looksLikeZip(path))) return refused('unreadable', null, 'not a zip file');
  } catch (error) {
    return refused('unreadable', null, (error as NodeJS.ErrnoException).code ?? String(error));
  }
  let zip: ZipReader;
  try {
    zip = await ZipReader.open(path);
  } catch (error) {
    if (error instanceof ZipStructureError) return refused('damaged', error.entry, error.message);
    return refused('unreadable', null, (error as NodeJS.ErrnoException).code ?? String(error));
  }
  try {
    return await check(zip);
  } catch (error) {
    if (error instanceof ZipStructureError) return refused('damaged', error.entry, error.message);
    throw error;
  } finally {
    await zip.close();
  }
}

async function check(zip: ZipReader): Promise<PackageVerdict> {
  const manifestEntry = zip.entries.find((entry) => entry.name === manifestName);
  const signatureEntry = zip.entries.find((entry) => entry.name === signatureName);
  if (!manifestEntry || manifestEntry.size > maxManifestBytes) return refused('missing', manifestName, 'the package has no manifest');
  if (!signatureEntry || signatureEntry.size > 1024) return refused('missing', signatureName, 'the package has no seal');
  await zip.sha256Of(manifestEntry);
  await zip.sha256Of(signatureEntry);
  const manifestBytes = await zip.read(manifestEntry);
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
  } catch {
    return refused('manifest', manifestName, 'the manifest cannot be read');
  }
  const signature = Buffer.from((await zip.read(signatureEntry)).toString('utf8').trim(), 'base64');
  if (!verifySignature(manifest.key.publicKey, manifestBytes, signature)) {
    return refused('signature', signatureName, 'the seal does not match the manifest');
  }
  const fingerprint = fingerprintOf(Buffer.from(manifest.key.publicKey, 'base64'));
  if (fingerprint !== manifest.key.fingerprint) return refused('signature', manifestName, 'the key’s fingerprint is not the one stated');

  const contents = zip.entries.filter((entry) => entry !== manifestEntry && entry !== signatureEntry);
  const listed = new Map(manifest.files.map((file) => [file.path, file]));
  const extra = contents.find((entry) => !listed.has(entry.name));
  if (extra) return refused('extra', extra.name, 'the package holds a file its manifest does not list');
  const present = new Set(contents.map((entry) => entry.name));
  const missing = manifest.files.find((file) => !present.has(file.path));
  if (missing) return refused('missing', missing.path, 'a file the manifest lists is not in the package');
  for (const entry of contents) {
    const expected = listed.get(entry.name)!;
    if (entry.size !== expected.bytes || (await zip.sha256Of(entry)) !== expected.sha256) {
      return refused('mismatch', entry.name, 'its contents differ from the sealed manifest');
    }
  }
  return {
    valid: true,
    fingerprint,
    signedAt: manifest.sealedAt,
    hearingTitle: manifest.hearing.title,
    files: manifest.files.length,
    manifestSha256: createHash('sha256').update(manifestBytes).digest('hex'),
  };
}
