import { basename } from 'node:path';
import { z } from 'zod';
import { latestVersion } from '../db/index.js';
import { AppError } from '../errors.js';
import { ZipReader } from '../seal/zip.js';
import { backupFormat, backupFormatVersion, backupManifestName, backupManifestSchema, maxManifestBytes, type BackupManifest } from './format.js';

/** Read first and alone, so a newer backup is named as newer even when the rest of its manifest has changed shape. */
const versionFields = z.object({ format: z.literal(backupFormat), formatVersion: z.number(), schemaVersion: z.number() });

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Opens a backup and reads its manifest, extracting nothing. Refuses a file
 * that is not one of ours (`backup/notABackup`), one written by a newer
 * Hearing Desk (`backup/newerVersion`), and one whose entries differ from
 * its manifest's list (`backup/damaged`). The caller closes the reader.
 */
export async function openBackup(file: string): Promise<{ manifest: BackupManifest; reader: ZipReader }> {
  const notABackup = new AppError('backup/notABackup', { file: basename(file) });
  const reader = await ZipReader.open(file).catch(() => {
    throw notABackup;
  });
  try {
    const entry = reader.entries.find((candidate) => candidate.name === backupManifestName);
    if (!entry || entry.size > maxManifestBytes) throw notABackup;
    const json = parseJson(await reader.read(entry));
    const versions = versionFields.safeParse(json);
    if (!versions.success) throw notABackup;
    if (versions.data.formatVersion > backupFormatVersion || versions.data.schemaVersion > latestVersion) {
      throw new AppError('backup/newerVersion', { file: basename(file), found: versions.data.schemaVersion, supported: latestVersion });
    }
    const parsed = backupManifestSchema.safeParse(json);
    if (!parsed.success) throw notABackup;
    const listed = new Set(parsed.data.entries.map((listedEntry) => listedEntry.name));
    const inZip = reader.entries.filter((candidate) => candidate !== entry);
    if (inZip.length !== listed.size || inZip.some((candidate) => !listed.has(candidate.name))) {
      throw new AppError('backup/damaged', { file: basename(file), detail: 'the entries differ from backup.json' });
    }
    return { manifest: parsed.data, reader };
  } catch (error) {
    await reader.close();
    throw error;
  }
}

/** What a backup holds, for the preview before a restore. */
export async function previewBackup(file: string): Promise<BackupManifest> {
  const { manifest, reader } = await openBackup(file);
  await reader.close();
  return manifest;
}
