import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { BackupSummary } from '../contract/index.js';
import { findAppRoot } from '../paths.js';
import { fingerprintOf } from '../seal/key.js';
import { backupFolderFileName } from './folder.js';

/**
 * A backup is one zip (seal/zip.ts: stored entries, strict reader) holding
 * the data folder as it is laid out on disk, plus `backup.json` describing it.
 */
export const backupFormat = 'hearing-desk-backup';
/** Raised only when an older reader could no longer restore the file correctly. */
export const backupFormatVersion = 1;
export const backupManifestName = 'backup.json';
/** backup.json lists files, not contents: anything larger is not one of ours. */
export const maxManifestBytes = 64 * 1024 * 1024;

const count = z.number().int().nonnegative();

export const backupManifestSchema = z.object({
  format: z.literal(backupFormat),
  formatVersion: z.number().int().positive(),
  appVersion: z.string(),
  schemaVersion: count,
  createdAt: z.string(),
  counts: z.object({ hearings: count, finalized: count, minuteEntries: count, evidenceFiles: count, packageFiles: count }),
  bytes: z.object({ database: count, evidence: count, packages: count, total: count }),
  keyFingerprint: z.string().nullable(),
  /** Every other entry of the zip, with the SHA-256 a restore checks it against. */
  entries: z.array(z.object({ name: z.string(), size: count, sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** What the preview shows: the manifest without its list of entries. */
export function summaryOf(manifest: BackupManifest): BackupSummary {
  const { appVersion, schemaVersion, createdAt, counts, bytes, keyFingerprint } = manifest;
  return { appVersion, schemaVersion, createdAt, counts, bytes, keyFingerprint };
}

let version: string | undefined;

/** The running app's version, recorded in each backup so a preview can say which Hearing Desk made it. */
export function appVersion(): string {
  version ??= (JSON.parse(readFileSync(join(findAppRoot(import.meta.url), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

/** The fingerprint of a PEM private key, as printed on records; read without creating a key where there is none. */
export function fingerprintOfKeyFile(pem: string): string {
  return fingerprintOf(createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'der' }));
}

/**
 * Where an entry may go inside a data folder: the database, the key, and
 * files under files/ and packages/, with no empty, `.` or `..` segment, so a
 * crafted backup cannot write outside the folder it is restored into.
 */
export function isDataEntryName(name: string): boolean {
  if (name === 'hearing-desk.sqlite' || name === 'signing-key.pem' || name === backupFolderFileName) return true;
  const segments = name.split('/');
  return (
    (segments[0] === 'files' || segments[0] === 'packages') &&
    segments.length >= 2 &&
    segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..' && !/[\\:\u0000]/.test(segment))
  );
}

/** An evidence file's path in the store (files/ab/cdef…): its name is its SHA-256, which a restore checks. */
export function storedSha256Of(name: string): string | null {
  const match = /^files\/([0-9a-f]{2})\/([0-9a-f]{62})$/.exec(name);
  return match ? `${match[1]}${match[2]}` : null;
}
