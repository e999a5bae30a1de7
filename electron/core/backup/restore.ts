import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { inspectDatabaseFile, latestVersion } from '../db/index.js';
import { AppError } from '../errors.js';
import { databaseFileName } from '../paths.js';
import { keyFileName } from '../seal/key.js';
import { ZipStructureError, type ZipReader } from '../seal/zip.js';
import { targetError } from './errors.js';
import { isDataEntryName, storedSha256Of, type BackupManifest } from './format.js';
import type { ProgressStep } from './operations.js';
import { openBackup } from './read.js';
import { stamp } from './snapshots.js';

export interface RestoreResult {
  manifest: BackupManifest;
  dataDir: string;
  /** Where the data that was there before now lies, untouched; null when the folder was empty. */
  previousData: string | null;
}

export interface RestoreOptions {
  /** Told after each entry extracted: bytes of all the backup holds. */
  onProgress?: (step: ProgressStep) => void;
  /** Checked between entries and once more before the swap: a cancelled restore removes what it extracted and changes nothing. */
  checkCancelled?: () => void;
  /** Called once everything is checked, just before the folders are swapped: a running app closes its database here. */
  beforeSwap?: () => Promise<void> | void;
  /** better-sqlite3 built for the running ABI: Electron's, for the check of the restored database. */
  nativeBinding?: string;
}

/** Writes one entry, checking its size and SHA-256 against the manifest as the bytes go by. */
async function extract(reader: ZipReader, manifest: BackupManifest, staging: string, file: string, options: RestoreOptions): Promise<void> {
  const total = manifest.entries.reduce((sum, listed) => sum + listed.size, 0);
  let done = 0;
  const damaged = (name: string, detail: string) => new AppError('backup/damaged', { file: basename(file), detail: `${name}: ${detail}` });
  for (const listed of manifest.entries) {
    if (!isDataEntryName(listed.name)) throw damaged(listed.name, 'not a place inside a data folder');
    const entry = reader.entries.find((candidate) => candidate.name === listed.name)!;
    const path = join(staging, ...listed.name.split('/'));
    await mkdir(dirname(path), { recursive: true });
    // The key stays readable by its owner only, as the app creates it.
    const handle = await open(path, 'wx', listed.name === keyFileName ? 0o600 : 0o644);
    const hash = createHash('sha256');
    try {
      for await (const chunk of reader.chunks(entry)) {
        hash.update(chunk);
        await handle.write(chunk);
      }
      await handle.sync();
    } catch (error) {
      if (error instanceof ZipStructureError) throw damaged(listed.name, error.message);
      throw error;
    } finally {
      await handle.close();
    }
    const sha256 = hash.digest('hex');
    if (entry.size !== listed.size || sha256 !== listed.sha256) throw damaged(listed.name, 'its contents differ from backup.json');
    const stored = storedSha256Of(listed.name);
    if (stored !== null && stored !== sha256) throw damaged(listed.name, 'an evidence file whose contents do not match its name');
    done += listed.size;
    options.onProgress?.({ phase: 'extract', done, total });
    options.checkCancelled?.();
  }
}

/** The restored database must open, pass the full integrity check and be one this version can run. */
function verifyDatabase(staging: string, manifest: BackupManifest, file: string, nativeBinding: string | undefined): void {
  let check;
  try {
    check = inspectDatabaseFile(join(staging, databaseFileName), nativeBinding ? { nativeBinding } : {});
  } catch (error) {
    throw new AppError('backup/damaged', { file: basename(file), detail: `${databaseFileName}: ${error instanceof Error ? error.message : String(error)}` });
  }
  if (check.integrity !== 'ok') throw new AppError('backup/damaged', { file: basename(file), detail: `${databaseFileName}: ${check.integrity}` });
  if (check.schemaVersion > latestVersion) {
    throw new AppError('backup/newerVersion', { file: basename(file), found: check.schemaVersion, supported: latestVersion });
  }
  if (check.schemaVersion !== manifest.schemaVersion) {
    throw new AppError('backup/damaged', { file: basename(file), detail: `${databaseFileName}: schema ${check.schemaVersion}, not ${manifest.schemaVersion}` });
  }
}

async function isEmptyOrAbsent(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/** `DIR.before-restore-<time>`, numbered when a restore within the same second already took that name. */
async function asideName(target: string, now: Date): Promise<string> {
  const base = `${target}.before-restore-${stamp(now)}`;
  let name = base;
  for (let n = 1; await stat(name).catch(() => null); n += 1) name = `${base}-${n}`;
  return name;
}

/**
 * Restores a backup into `dataDir`. Everything is extracted to a sibling
 * folder first and checked (every entry's SHA-256, every evidence file
 * against its name, the database's integrity); only then does the folder
 * take its place, by rename. Data already there is not overwritten: it is
 * renamed aside, whole and unchanged (a damaged database included, which
 * no online backup could copy), and its new name returned. A failure at any
 * point before the swap removes the sibling and leaves `dataDir` as it was.
 * A running app keeps its database open while the backup is checked and
 * closes it in `beforeSwap`; nothing can be cancelled after that.
 */
export async function restoreBackup(file: string, dataDir: string, now: Date, options: RestoreOptions = {}): Promise<RestoreResult> {
  const target = resolve(dataDir);
  const { manifest, reader } = await openBackup(file);
  const staging = `${target}.restoring-${randomBytes(6).toString('hex')}`;
  try {
    await mkdir(dirname(target), { recursive: true });
    await mkdir(staging);
    await extract(reader, manifest, staging, file, options);
    verifyDatabase(staging, manifest, file, options.nativeBinding);
    options.checkCancelled?.();
    await options.beforeSwap?.();
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw targetError(error, dirname(target));
  } finally {
    await reader.close();
  }

  if (await isEmptyOrAbsent(target)) {
    await rmdir(target).catch(() => undefined);
    await rename(staging, target);
    return { manifest, dataDir: target, previousData: null };
  }
  const previousData = await asideName(target, now);
  try {
    await rename(target, previousData);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw targetError(error, dirname(target));
  }
  try {
    await rename(staging, target);
  } catch (error) {
    await rename(previousData, target);
    await rm(staging, { recursive: true, force: true });
    throw targetError(error, dirname(target));
  }
  return { manifest, dataDir: target, previousData };
}
