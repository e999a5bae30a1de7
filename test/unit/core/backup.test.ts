import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { previewBackup } from '../../../electron/core/backup/read.js';
import { restoreBackup } from '../../../electron/core/backup/restore.js';
import { keep, type Snapshot } from '../../../electron/core/backup/retention.js';
import { writeBackup } from '../../../electron/core/backup/write.js';
import type { CoreEvent } from '../../../electron/core/events.js';
import { latestVersion } from '../../../electron/core/db/index.js';
import { AppError } from '../../../electron/core/errors.js';
import { verifyPackage } from '../../../electron/core/seal/verify.js';
import { ZipReader, ZipWriter } from '../../../electron/core/seal/zip.js';
import { fixedClock, openTestCore, refusal, tempDir } from '../support/core.js';
import { finalized } from '../support/finalizable.js';
import { readyHearing } from '../support/hearing.js';
import { rewriteBackupManifest } from '../support/backup-manifest.js';
import { tableRows } from '../support/table-rows.js';

// A finalized hearing is built for most tests here: seconds, not milliseconds.
vi.setConfig({ testTimeout: 60_000 });

const clock = fixedClock('2026-12-08T08:00:00.000Z');

/** SHA-256 of every file under a folder, by relative path; the SQLite WAL and SHM come and go with connections. */
function fileHashes(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }).map(String)) {
    const path = join(dir, name);
    if (!statSync(path).isFile() || /-(wal|shm)$/.test(name)) continue;
    hashes[relative(dir, path).split('\\').join('/')] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return hashes;
}

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; params: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A finalized 王建平 hearing (evidence, key, package) and a backup of its data folder. */
async function backedUp() {
  const setup = await readyHearing();
  const { packagePath } = await finalized(setup);
  const out = join(tempDir(), 'backup.zip');
  const manifest = await writeBackup(setup.core.db, setup.core.dataDir, out, { clock });
  return { setup, packagePath, out, manifest };
}

/** The backup rewritten beside, with its manifest changed. */
async function rewritten(source: string, change: (manifest: Record<string, unknown>) => void): Promise<string> {
  const target = join(tempDir(), 'changed.zip');
  await rewriteBackupManifest(source, target, change);
  return target;
}

/** A file handle whose writes fail like a disk that fills after `bytes`: a simulation, the real disk has room. */
async function fillingAfter(path: string, bytes: number): Promise<FileHandle> {
  const handle = await open(path, 'wx');
  let written = 0;
  return new Proxy(handle, {
    get(target, property) {
      if (property === 'write') {
        return async (buffer: Buffer, offset: number, length: number, position: number) => {
          written += length;
          if (written > bytes) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          return target.write(buffer, offset, length, position);
        };
      }
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('backup and restore', () => {
  it('round-trips a finalized hearing: equal rows table by table, every other file byte-identical, the package still verifies', async () => {
    const { setup, packagePath, out, manifest } = await backedUp();
    expect(manifest.counts).toMatchObject({ hearings: 1, finalized: 1 });
    expect(manifest.counts.evidenceFiles).toBeGreaterThan(0);
    expect(manifest.counts.packageFiles).toBe(1);
    expect(manifest.keyFingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){15}$/);
    expect(manifest.schemaVersion).toBe(latestVersion);
    setup.core.close();

    const restored = join(tempDir(), 'restored');
    const result = await restoreBackup(out, restored, clock.now());
    expect(result.previousData).toBeNull();
    expect(tableRows(join(restored, 'hearing-desk.sqlite'))).toEqual(tableRows(join(setup.core.dataDir, 'hearing-desk.sqlite')));
    const original = fileHashes(setup.core.dataDir);
    const copy = fileHashes(restored);
    // The online backup bumps the schema cookie in the copy's header, so the database file is compared by its rows above and by the SHA-256 its backup recorded.
    const { 'hearing-desk.sqlite': restoredDb, ...restoredFiles } = copy;
    const { 'hearing-desk.sqlite': _originalDb, ...originalFiles } = original;
    expect(restoredDb).toBe(manifest.entries.find((entry) => entry.name === 'hearing-desk.sqlite')!.sha256);
    expect(restoredFiles).toEqual(originalFiles);
    expect(Object.keys(restoredFiles)).toEqual(expect.arrayContaining(['signing-key.pem', relative(setup.core.dataDir, packagePath).split('\\').join('/')]));
    expect(statSync(join(restored, 'signing-key.pem')).mode & 0o777).toBe(0o600);
    expect(await verifyPackage(join(restored, relative(setup.core.dataDir, packagePath)))).toMatchObject({ valid: true });

    const reopened = openTestCore(restored);
    expect(await reopened.ok('hearing.list', {})).toEqual([expect.objectContaining({ id: setup.hearing.id, status: 'finalized' })]);
    expect(reopened.auditStatus()).toMatchObject({ intact: true });
    reopened.close();
  });

  it('previews a backup without extracting it', async () => {
    const { out, manifest } = await backedUp();
    expect(await previewBackup(out)).toEqual(manifest);
  });

  it('keeps the data already in the folder, renamed beside it, before restoring in its place', async () => {
    const { setup, out } = await backedUp();
    const before = fileHashes(setup.core.dataDir);
    setup.core.close();
    const other = openTestCore(tempDir(), clock);
    await other.ok('hearing.create', { ...(await import('../../fixtures/hearings.js')).wangJianpingHearing, title: '另一场听证' });
    other.close();
    const otherBefore = fileHashes(other.dataDir);

    const result = await restoreBackup(out, other.dataDir, new Date(2026, 11, 8, 16, 30, 5));
    expect(result.previousData).toBe(`${other.dataDir}.before-restore-20261208-163005`);
    expect(fileHashes(result.previousData!)).toEqual(otherBefore);
    expect(Object.keys(fileHashes(other.dataDir)).sort()).toEqual(Object.keys(before).sort());
  });

  it('leaves the existing data untouched and no folder behind when the backup is damaged inside', async () => {
    const { setup, out } = await backedUp();
    setup.core.close();
    const bytes = readFileSync(out);
    const evidence = (await previewBackup(out)).entries.find((entry) => entry.name.startsWith('files/'))!;
    // Flip a byte of the evidence file's data, found by its recorded hash's neighbourhood: the CRC check must catch it.
    const reader = await ZipReader.open(out);
    const entry = reader.entries.find((candidate) => candidate.name === evidence.name)!;
    await reader.close();
    const at = entry.headerOffset + 30 + Buffer.byteLength(entry.name) + 10;
    bytes[at] = bytes[at]! ^ 0xff;
    const damaged = join(tempDir(), 'damaged.zip');
    writeFileSync(damaged, bytes);

    const target = tempDir();
    writeFileSync(join(target, 'keep-me.txt'), '原有数据');
    expect((await codeOf(restoreBackup(damaged, target, clock.now()))).code).toBe('backup/damaged');
    expect(readdirSync(target)).toEqual(['keep-me.txt']);
    expect(readdirSync(join(target, '..')).filter((name) => name.startsWith(`${relative(join(target, '..'), target)}.`))).toEqual([]);
  });
});

describe('refusals', () => {
  it('refuses a file that is not a backup: a random zip, a text file, a missing file', async () => {
    const dir = tempDir();
    const zip = join(dir, 'random.zip');
    const writer = await ZipWriter.create(zip);
    await writer.addBytes('readme.txt', Buffer.from('hello'));
    await writer.close();
    writeFileSync(join(dir, 'notes.txt'), '这不是备份');
    for (const file of [zip, join(dir, 'notes.txt'), join(dir, 'absent.zip')]) {
      expect(await codeOf(previewBackup(file))).toMatchObject({ code: 'backup/notABackup' });
      const target = join(tempDir(), 'data');
      expect((await codeOf(restoreBackup(file, target, clock.now()))).code).toBe('backup/notABackup');
      expect(existsSync(target)).toBe(false);
    }
  });

  it('refuses a backup from a newer schema version, naming both versions, and writes nothing', async () => {
    const { out } = await backedUp();
    const newer = await rewritten(out, (manifest) => (manifest.schemaVersion = latestVersion + 1));
    expect(await codeOf(previewBackup(newer))).toEqual({
      code: 'backup/newerVersion',
      params: { file: 'changed.zip', found: latestVersion + 1, supported: latestVersion },
    });
    const target = tempDir();
    expect((await codeOf(restoreBackup(newer, target, clock.now()))).code).toBe('backup/newerVersion');
    expect(readdirSync(target)).toEqual([]);
  });

  it('refuses a backup whose manifest lists an entry outside the data folder', async () => {
    const { out } = await backedUp();
    const escaping = await rewritten(out, (manifest) => {
      (manifest.entries as Array<{ name: string }>)[0]!.name = '../escape.sqlite';
    });
    expect((await codeOf(previewBackup(escaping))).code).toBe('backup/damaged');
  });

  it('refuses a missing target folder, and an existing target file', async () => {
    const core = openTestCore(tempDir(), clock);
    expect(await codeOf(writeBackup(core.db, core.dataDir, join(tempDir(), 'absent', 'b.zip'), { clock }))).toMatchObject({ code: 'backup/folderMissing' });
    const existing = join(tempDir(), 'b.zip');
    writeFileSync(existing, 'mine');
    expect((await codeOf(writeBackup(core.db, core.dataDir, existing, { clock }))).code).toBe('backup/targetExists');
    expect(readFileSync(existing, 'utf8')).toBe('mine');
    core.close();
  });

  it('reports a full disk and leaves no partial file (simulated: the writes fail with ENOSPC after 64 KB)', async () => {
    const { setup } = await backedUp();
    const folder = tempDir();
    const error = await codeOf(
      writeBackup(setup.core.db, setup.core.dataDir, join(folder, 'b.zip'), { clock, openFile: (path) => fillingAfter(path, 64 * 1024) }),
    );
    expect(error).toEqual({ code: 'backup/diskFull', params: { folder } });
    expect(readdirSync(folder)).toEqual([]);
    setup.core.close();
  });

  it('reports a read-only target (simulated: opening fails with EROFS) and leaves nothing', async () => {
    const core = openTestCore(tempDir(), clock);
    const folder = tempDir();
    const readOnly = () => Promise.reject(Object.assign(new Error('EROFS: read-only file system, open'), { code: 'EROFS' }));
    expect((await codeOf(writeBackup(core.db, core.dataDir, join(folder, 'b.zip'), { clock, openFile: readOnly }))).code).toBe('backup/readOnly');
    expect(readdirSync(folder)).toEqual([]);
    core.close();
  });
});

describe('retention', () => {
  const at = (year: number, month: number, day: number, hours = 12, minutes = 0): Snapshot => ({
    name: `${year}-${month}-${day}T${hours}:${minutes}`,
    createdAt: new Date(year, month - 1, day, hours, minutes),
  });
  const names = (snapshots: Snapshot[]) => snapshots.map((snapshot) => snapshot.name).sort();

  it('keeps the newest of each of the last 7 days that have snapshots', () => {
    const days = Array.from({ length: 10 }, (_, index) => at(2026, 12, 10 - index));
    const { keep: kept, remove } = keep(days, new Date(2026, 11, 10, 23));
    // Days 1–3 are in December too, whose newest (the 10th) already stands for the month.
    expect(names(kept)).toEqual(names(days.slice(0, 7)));
    expect(names(remove)).toEqual(names(days.slice(7)));
  });

  it('keeps only the newest of several snapshots on one day', () => {
    const morning = at(2026, 12, 8, 9);
    const noon = at(2026, 12, 8, 12);
    const evening = at(2026, 12, 8, 18);
    expect(keep([morning, evening, noon], new Date(2026, 11, 8, 20))).toEqual({ keep: [evening], remove: [morning, noon] });
  });

  it('keeps the newest of each month across a month boundary, and of each of the last 12 months', () => {
    const lastOfNovember = at(2026, 11, 30, 23, 59);
    const earlierNovember = at(2026, 11, 2);
    const firstOfDecember = at(2026, 12, 1, 0, 1);
    const result = keep([firstOfDecember, lastOfNovember, earlierNovember], new Date(2026, 11, 1, 9), { daily: 1, monthly: 12 });
    expect(names(result.keep)).toEqual(names([firstOfDecember, lastOfNovember]));
    expect(result.remove).toEqual([earlierNovember]);
  });

  it('deletes monthly snapshots older than the 12 newest months', () => {
    const months = Array.from({ length: 15 }, (_, index) => at(2026, 12 - index, 15));
    const { keep: kept, remove } = keep(months, new Date(2026, 11, 20), { daily: 7, monthly: 12 });
    expect(names(kept)).toEqual(names(months.slice(0, 12)));
    expect(names(remove)).toEqual(names(months.slice(12)));
  });

  it('never deletes the newest snapshot, however old, nor one dated in the future', () => {
    const old = at(2023, 1, 1);
    const future = at(2027, 6, 1);
    expect(keep([old, future], new Date(2026, 11, 8), { daily: 0, monthly: 0 })).toEqual({ keep: [old, future], remove: [] });
  });

  it('keeps nothing twice and deletes nothing it was not given', () => {
    const snapshots = Array.from({ length: 40 }, (_, index) => at(2026, 12, 1 + (index % 20), index % 24));
    const { keep: kept, remove } = keep(snapshots, new Date(2027, 0, 1));
    expect(kept.length + remove.length).toBe(snapshots.length);
    expect(new Set([...kept, ...remove]).size).toBe(snapshots.length);
  });
});

describe('automatic backups and the backup methods', () => {
  it('backs up after a record is finalized into the chosen folder, and lists it with its preview', async () => {
    const setup = await readyHearing();
    const folder = tempDir();
    await setup.core.ok('settings.setBackupFolder', { folder });
    expect(readFileSync(join(setup.core.dataDir, 'backup-folder'), 'utf8').trim()).toBe(folder);
    const seen: CoreEvent[] = [];
    setup.core.events.on((event) => seen.push(event));
    await finalized(setup);
    await setup.core.backups.idle();
    expect(seen).toContainEqual({
      name: 'backup.created',
      payload: { fileName: expect.stringMatching(/^hearing-desk-backup-\d{8}-\d{6}\.zip$/), reason: 'finalized' },
    });
    const listed = await setup.core.ok('backup.list', {});
    expect(listed.snapshots).toEqual([
      expect.objectContaining({ problem: null, summary: expect.objectContaining({ counts: expect.objectContaining({ finalized: 1 }) }) }),
    ]);
    setup.core.close();
  });

  it('makes one daily backup at the first open of the day, not at the second', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    const first = openTestCore(dataDir, clock);
    await first.ok('settings.setBackupFolder', { folder });
    first.close();
    const second = openTestCore(dataDir, clock);
    await second.backups.idle();
    second.close();
    const third = openTestCore(dataDir, clock);
    await third.backups.idle();
    third.close();
    expect(readdirSync(folder)).toHaveLength(1);
  });

  it('skips silently without a folder, and reports a failure by an event without failing the finalize', async () => {
    const setup = await readyHearing();
    expect((await setup.core.ok('backup.list', {})).snapshots).toEqual([]);
    expect((await refusal(setup.core, 'backup.create', {})).code).toBe('backup/noFolder');
    const folder = tempDir();
    await setup.core.ok('settings.setBackupFolder', { folder });
    rmSync(folder, { recursive: true });
    const seen: CoreEvent[] = [];
    setup.core.events.on((event) => seen.push(event));
    await finalized(setup);
    await setup.core.backups.idle();
    expect(seen).toContainEqual({ name: 'backup.failed', payload: { code: 'backup/folderMissing', reason: 'finalized' } });
    expect(await setup.core.ok('record.finalization', { hearingId: setup.hearing.id })).not.toBeNull();
    setup.core.close();
  });

  it('makes a manual backup on request, and refuses a relative or missing folder', async () => {
    const core = openTestCore(tempDir(), clock);
    expect((await refusal(core, 'settings.setBackupFolder', { folder: 'backups' })).code).toBe('validation');
    expect((await refusal(core, 'settings.setBackupFolder', { folder: join(tempDir(), 'absent') })).code).toBe('backup/folderMissing');
    const folder = tempDir();
    await core.ok('settings.setBackupFolder', { folder });
    const made = await core.ok('backup.create', {});
    expect(readdirSync(folder)).toEqual([made.fileName]);
    const again = await core.ok('backup.create', {});
    // Two within the same second: both written, the retention rule keeps the newer of the day.
    expect(readdirSync(folder)).toEqual([again.fileName]);
    mkdirSync(join(folder, 'other'));
    expect((await core.ok('backup.list', {})).snapshots.map((snapshot) => snapshot.fileName)).toEqual([again.fileName]);
    await core.ok('settings.setBackupFolder', { folder: '' });
    expect(existsSync(join(core.dataDir, 'backup-folder'))).toBe(false);
    core.close();
  });
});
