import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Clock } from '../clock.js';
import { backupDatabase, inspectDatabaseFile, type Db } from '../db/index.js';
import { AppError } from '../errors.js';
import { filesDirName } from '../files/store.js';
import { databaseFileName } from '../paths.js';
import { keyFileName } from '../seal/key.js';
import { ZipWriter, type WrittenEntry } from '../seal/zip.js';
import { targetError } from './errors.js';
import type { ProgressStep } from './operations.js';
import { backupFolderFileName } from './folder.js';
import { appVersion, backupFormat, backupFormatVersion, backupManifestName, fingerprintOfKeyFile, type BackupManifest } from './format.js';

export interface WriteOptions {
  clock: Clock;
  /** Opens the partial file; a test passes one that fails like a full or read-only disk. */
  openFile?: (path: string) => Promise<FileHandle>;
  /** Told after the database copy and after each file: bytes written of all there are to write. */
  onProgress?: (step: ProgressStep) => void;
  /** Checked between entries: a cancelled backup stops there and its partial file is deleted, as on any failure. */
  checkCancelled?: () => void;
  /** better-sqlite3 built for the running ABI: Electron's, for the check of the copy. */
  nativeBinding?: string;
}

/** Every regular file under `dir`, as paths relative to the data folder; the store's `.tmp` holds unfinished uploads only. */
async function filesUnder(dataDir: string, relative: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(join(dataDir, relative), { recursive: true, withFileTypes: false })).map(String);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: string[] = [];
  for (const name of names.sort()) {
    const path = `${relative}/${name.split(/[\\/]/).join('/')}`;
    if (path.startsWith(`${filesDirName}/.tmp/`) || path === `${filesDirName}/.tmp`) continue;
    if ((await stat(join(dataDir, path))).isFile()) found.push(path);
  }
  return found;
}

async function keyFingerprint(dataDir: string): Promise<string | null> {
  try {
    return fingerprintOfKeyFile(await readFile(join(dataDir, keyFileName), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function requireFolder(folder: string): Promise<void> {
  const found = await stat(folder).catch(() => null);
  if (!found?.isDirectory()) throw new AppError('backup/folderMissing', { folder });
}

/**
 * Writes a backup of the data folder to `target`: the database through
 * SQLite's online backup (consistent while windows keep writing), then every
 * file beside it, then backup.json. Written under a temporary name in the
 * target's folder and renamed at the end, so a failure (a full USB disk, a
 * share gone read-only) or a cancel leaves no file that looks like a backup.
 */
export async function writeBackup(db: Db, dataDir: string, target: string, options: WriteOptions): Promise<BackupManifest> {
  const folder = dirname(target);
  await requireFolder(folder);
  if (await stat(target).catch(() => null)) throw new AppError('backup/targetExists', { file: basename(target) });
  const work = await mkdtemp(join(tmpdir(), 'hearing-desk-backup-'));
  const partial = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  let writer: ZipWriter | undefined;
  try {
    const snapshot = join(work, databaseFileName);
    options.onProgress?.({ phase: 'database', done: 0, total: 0 });
    await backupDatabase(db, snapshot);
    const check = inspectDatabaseFile(snapshot, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    // A backup of a damaged database would be taken for a good one later.
    if (check.integrity !== 'ok') throw new AppError('db/corrupt', { detail: check.integrity });
    const createdAt = options.clock.now().toISOString();
    const fingerprint = await keyFingerprint(dataDir);
    const evidence = await filesUnder(dataDir, filesDirName);
    const packages = await filesUnder(dataDir, 'packages');
    const hasFolderFile = (await stat(join(dataDir, backupFolderFileName)).catch(() => null)) !== null;
    const sources: Array<[name: string, path: string]> = [
      [databaseFileName, snapshot],
      ...(fingerprint ? [[keyFileName, join(dataDir, keyFileName)] as [string, string]] : []),
      ...(hasFolderFile ? [[backupFolderFileName, join(dataDir, backupFolderFileName)] as [string, string]] : []),
      ...[...evidence, ...packages].map((path): [string, string] => [path, join(dataDir, path)]),
    ];
    let total = 0;
    for (const [, path] of sources) total += (await stat(path)).size;
    options.checkCancelled?.();

    writer = await ZipWriter.create(partial, options.openFile).catch((error: unknown) => {
      throw targetError(error, folder);
    });
    const entries: WrittenEntry[] = [];
    let done = 0;
    for (const [name, path] of sources) {
      const entry = await writer.addFile(name, path);
      entries.push(entry);
      done += entry.size;
      options.onProgress?.({ phase: 'files', done, total });
      options.checkCancelled?.();
    }
    const sum = (prefix: string) => entries.filter((entry) => entry.name.startsWith(prefix)).reduce((total, entry) => total + entry.size, 0);
    const manifest: BackupManifest = {
      format: backupFormat,
      formatVersion: backupFormatVersion,
      appVersion: appVersion(),
      schemaVersion: check.schemaVersion,
      createdAt,
      counts: { ...check.counts, evidenceFiles: evidence.length, packageFiles: packages.length },
      bytes: {
        database: entries[0]!.size,
        evidence: sum(`${filesDirName}/`),
        packages: sum('packages/'),
        total: entries.reduce((total, entry) => total + entry.size, 0),
      },
      keyFingerprint: fingerprint,
      entries,
    };
    await writer.addBytes(backupManifestName, Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'));
    await writer.close();
    writer = undefined;
    await rename(partial, target);
    return manifest;
  } catch (error) {
    await writer?.abandon().catch(() => undefined);
    await rm(partial, { force: true });
    throw targetError(error, folder);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
