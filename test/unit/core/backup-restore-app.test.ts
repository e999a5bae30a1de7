import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { EventPayload, MethodInput, MethodName, MethodOutput, Result } from '../../../electron/core/contract/index.js';
import { latestVersion } from '../../../electron/core/db/index.js';
import type { CoreEvent } from '../../../electron/core/events.js';
import { startCore, type LiveCore } from '../../../electron/core/lifecycle.js';
import { stamp } from '../../../electron/core/backup/snapshots.js';
import { liXiuyingHearing, wangJianpingHearing } from '../../fixtures/hearings.js';
import { cast, requestsOfWang } from '../../fixtures/people.js';
import { fixedClock, openTestCore, refusal, resourcesDir, tempDir } from '../support/core.js';
import { rewriteBackupManifest } from '../support/backup-manifest.js';
import { tableRows } from '../support/table-rows.js';

vi.setConfig({ testTimeout: 60_000 });

/** Through the router as a shell calls it, by the trusted test actor. */
async function call<M extends MethodName>(live: LiveCore, method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
  return (await live.core.router.invoke(method, input, { actor: 'test' })) as Result<MethodOutput<M>>;
}

async function ok<M extends MethodName>(live: LiveCore, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await call(live, method, input);
  if (!result.ok) throw new Error(`${method} refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

function start(dataDir: string, clock = fixedClock('2026-12-08T01:20:00.000Z')): { live: LiveCore; events: CoreEvent[]; errors: unknown[] } {
  const errors: unknown[] = [];
  const live = startCore({ dataDir, resourcesDir, clock, pdf: null, logger: { error: (_message, error) => errors.push(error) } });
  const events: CoreEvent[] = [];
  live.core.events.on((event) => events.push(event));
  return { live, events, errors };
}

/** SHA-256 of every file beside the database; the database is compared by its rows, the WAL and SHM come and go with connections. */
function otherFiles(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }).map(String)) {
    const path = join(dir, name);
    if (!statSync(path).isFile() || /hearing-desk\.sqlite(-wal|-shm)?$/.test(name)) continue;
    hashes[relative(dir, path).split('\\').join('/')] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return hashes;
}

/** The data folder and the folders beside it whose names start with it (before-restore, restoring). */
const siblingsOf = (dataDir: string) => readdirSync(dirname(dataDir)).filter((name) => name.startsWith(basename(dataDir)));

/** The 王建平 hearing with its requests and people, the installation's key and a backup folder: a laptop on the morning of a hearing. */
async function officeWithBackup() {
  const dataDir = join(tempDir(), '听证台数据');
  const folder = join(tempDir(), 'U盘备份');
  mkdirSync(folder);
  const started = start(dataDir);
  const { live } = started;
  const hearing = await ok(live, 'hearing.create', { ...wangJianpingHearing, agency: '青秀区住房和城乡建设局' });
  for (const text of requestsOfWang) await ok(live, 'request.add', { hearingId: hearing.id, text });
  for (const person of [cast.chair, cast.clerk, cast.petitioner]) await ok(live, 'participant.add', { hearingId: hearing.id, ...person });
  const { fingerprint } = await ok(live, 'installation.key', {});
  await ok(live, 'settings.setBackupFolder', { folder });
  const made = await ok(live, 'backup.create', {});
  return { ...started, dataDir, folder, hearing, fingerprint, made };
}

/** What a failing disk sector or a stray write does to the first page: SQLite no longer recognizes the file. */
function damageHeader(dataDir: string): void {
  const handle = openSync(join(dataDir, 'hearing-desk.sqlite'), 'r+');
  writeSync(handle, Buffer.from('这不是一个数据库文件!!'), 0, 32, 0);
  closeSync(handle);
}

const progressOf = (events: CoreEvent[]) =>
  events.filter((event): event is { name: 'operation.progress'; payload: EventPayload<'operation.progress'> } => event.name === 'operation.progress');

describe('restoring a backup in the running app', () => {
  it('brings back every table’s rows and every file as backed up, after a safety backup, keeping the replaced data beside; every window is told to reload', async () => {
    const { live, events, dataDir, folder, hearing, made } = await officeWithBackup();
    const rowsAtBackup = tableRows(join(dataDir, 'hearing-desk.sqlite'));
    const filesAtBackup = otherFiles(dataDir);
    expect(Object.keys(filesAtBackup).sort()).toEqual(['backup-folder', 'signing-key.pem']);
    const router = live.core.router;

    // Work done after the backup: the restore takes it away, and the safety backup and the folder beside keep it.
    const later = await ok(live, 'hearing.create', liXiuyingHearing);
    const outcome = await ok(live, 'backup.restore', { fileName: made.fileName, operationId: '6f1d2c1e-5b7a-4c8e-9f10-2a3b4c5d6e7f' });

    expect(outcome).toMatchObject({ fileName: made.fileName, summary: { counts: { hearings: 1 } } });
    expect(outcome.safetyBackup).toMatch(/^hearing-desk-backup-20261208-\d{6}-1\.zip$/);
    expect(readdirSync(folder).sort()).toEqual([made.fileName, outcome.safetyBackup].sort());
    expect(outcome.previousData).toBe(`${dataDir}.before-restore-${stamp(new Date('2026-12-08T01:20:00.000Z'))}`);
    expect(tableRows(join(outcome.previousData!, 'hearing-desk.sqlite')).hearings).toHaveLength(2);

    const restored = tableRows(join(dataDir, 'hearing-desk.sqlite'));
    const { audit_log: auditAfter, ...restOfAfter } = restored;
    const { audit_log: auditBefore, ...restOfBefore } = rowsAtBackup;
    expect(restOfAfter).toEqual(restOfBefore);
    // The log as backed up (the backup's own link is written once its file is complete, so it is not inside), then who restored what.
    const actions = (rows: string[]) => rows.map((row) => (JSON.parse(row) as { action: string }).action);
    expect(actions(auditBefore!.filter((row) => !auditAfter!.includes(row)))).toEqual(['backup.create']);
    expect(actions(auditAfter!.filter((row) => !auditBefore!.includes(row)))).toEqual(['backup.restore']);
    expect(auditAfter).toHaveLength(auditBefore!.length);
    expect(live.core.auditStatus()).toMatchObject({ intact: true });
    expect(otherFiles(dataDir)).toEqual(filesAtBackup);

    // The shells hold the same router and event stream, now answered by the new core.
    expect(live.core.router).toBe(router);
    expect((await ok(live, 'hearing.list', {})).map((each) => each.id)).toEqual([hearing.id]);
    expect(events.filter((event) => event.name === 'backup.restored').map((event) => event.payload)).toEqual([
      { fileName: made.fileName, safetyBackup: outcome.safetyBackup, previousData: outcome.previousData },
    ]);
    const phases = progressOf(events)
      .filter((event) => event.payload.operation === 'restore')
      .map((event) => event.payload.phase);
    expect([...new Set(phases)]).toEqual(['safetyBackup', 'extract', 'swap', 'reopen', 'done']);
    expect(progressOf(events).find((event) => event.payload.phase === 'swap')?.payload.cancellable).toBe(false);

    // The safety backup holds the hearing entered after the first backup: restoring it brings that back.
    await ok(live, 'backup.restore', { fileName: outcome.safetyBackup! });
    expect((await ok(live, 'hearing.list', {})).map((each) => each.id).sort()).toEqual([hearing.id, later.id].sort());
    await live.close();
  });

  it('refuses a backup from a newer version and a file that is not a backup, in words, and changes nothing', async () => {
    const { live, dataDir, folder, made } = await officeWithBackup();
    const newer = 'hearing-desk-backup-20261209-080000.zip';
    await rewriteBackupManifest(join(folder, made.fileName), join(folder, newer), (manifest) => (manifest.schemaVersion = latestVersion + 1));
    const notABackup = 'hearing-desk-backup-20261209-090000.zip';
    writeFileSync(join(folder, notABackup), '会议纪要：请于周五前报送听证材料。');
    await ok(live, 'hearing.create', liXiuyingHearing);
    const rows = tableRows(join(dataDir, 'hearing-desk.sqlite'));
    const files = otherFiles(dataDir);
    const inFolder = readdirSync(folder).sort();

    expect(await call(live, 'backup.restore', { fileName: newer })).toEqual({
      ok: false,
      error: { code: 'backup/newerVersion', params: { file: newer, found: latestVersion + 1, supported: latestVersion } },
    });
    expect(await call(live, 'backup.restore', { fileName: notABackup })).toEqual({
      ok: false,
      error: { code: 'backup/notABackup', params: { file: notABackup } },
    });
    expect(await call(live, 'backup.restore', { fileName: 'hearing-desk-backup-20261210-080000.zip' })).toMatchObject({
      ok: false,
      error: { code: 'backup/notABackup' },
    });
    // Nothing written into the folder (no safety backup), nothing beside the data, the data as it was, and the app still answering.
    expect(readdirSync(folder).sort()).toEqual(inFolder);
    expect(siblingsOf(dataDir)).toEqual([basename(dataDir)]);
    expect(tableRows(join(dataDir, 'hearing-desk.sqlite'))).toEqual(rows);
    expect(otherFiles(dataDir)).toEqual(files);
    expect(await ok(live, 'hearing.list', {})).toHaveLength(2);
    await live.close();
  });

  it('refuses a path instead of a backup’s name: only the backups listed in the office’s folder can be restored', async () => {
    const { live, made, folder } = await officeWithBackup();
    for (const fileName of [join(folder, made.fileName), `../${made.fileName}`, 'hearing-desk.sqlite']) {
      expect(await call(live, 'backup.restore', { fileName })).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    await live.close();
  });

  it('cancels a backup being written: no partial file and no backup left, and the next one is written', async () => {
    const { live, events, folder, made } = await officeWithBackup();
    const operationId = '0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b';
    // Cancelled as the first file is told written, as a clerk who clicks 取消 while the bar moves.
    const off = live.core.events.on((event) => {
      if (event.name === 'operation.progress' && event.payload.operationId === operationId && event.payload.phase === 'files') {
        void live.core.router.invoke('backup.cancel', { operationId }, { actor: 'test' });
      }
    });
    expect(await call(live, 'backup.create', { operationId })).toEqual({ ok: false, error: { code: 'backup/cancelled', params: {} } });
    off();
    expect(readdirSync(folder)).toEqual([made.fileName]);
    expect(
      progressOf(events)
        .filter((event) => event.payload.operationId === operationId)
        .map((event) => event.payload.phase),
    ).toEqual(['database', 'files']);
    // Too late to stop: the operation is over.
    expect(await ok(live, 'backup.cancel', { operationId })).toEqual({ cancelled: false });
    const next = await ok(live, 'backup.create', {});
    // The same day's older snapshot goes by the retention rule: the newest of the day is kept.
    expect(readdirSync(folder)).toEqual([next.fileName]);
    await live.close();
  });

  it('answers the recovery methods with “not in recovery” while running normally, and a core no shell can swap refuses to restore', async () => {
    const { live, made, dataDir } = await officeWithBackup();
    expect(await call(live, 'recovery.status', {})).toEqual({ ok: true, value: { active: false } });
    expect(await call(live, 'recovery.restore', { fileName: made.fileName })).toEqual({ ok: false, error: { code: 'recovery/notActive', params: {} } });
    await live.close();
    // The command line's own core (list, documents…) holds no swappable core: it says so rather than pulling the folder from under itself.
    const bare = openTestCore(dataDir);
    expect(await refusal(bare, 'backup.restore', { fileName: made.fileName })).toEqual({ code: 'backup/restoreUnavailable', params: {} });
    bare.close();
  });
});

describe('recovery mode: a damaged database at start', () => {
  it('starts in recovery mode naming the latest good backup, and restoring it opens the app on the data', async () => {
    const { live, dataDir, folder, hearing, made, fingerprint } = await officeWithBackup();
    await live.close();
    // A newer file that is not a backup: the offer skips it for the latest good one.
    const stray = 'hearing-desk-backup-20261208-235900.zip';
    writeFileSync(join(folder, stray), 'PK 不完整的文件');
    damageHeader(dataDir);
    const damagedBytes = readFileSync(join(dataDir, 'hearing-desk.sqlite'));

    const { live: recovering, events, errors } = start(dataDir);
    expect(recovering.mode()).toBe('recovery');
    // No one can sign in to a database that cannot be read: the recovery methods answer a window without a session.
    const status = await recovering.core.router.invoke('recovery.status', {}, { session: null });
    expect(status).toMatchObject({
      ok: true,
      value: {
        active: true,
        dataDir,
        folder,
        folderFound: true,
        latest: made.fileName,
        command: `hearing-desk restore --data ${JSON.stringify(dataDir)} ${JSON.stringify(join(folder, made.fileName))}`,
        snapshots: [
          { fileName: stray, summary: null, problem: 'backup/notABackup' },
          { fileName: made.fileName, summary: { counts: { hearings: 1 }, keyFingerprint: fingerprint }, problem: null },
        ],
      },
    });
    expect(await call(recovering, 'hearing.list', {})).toEqual({ ok: false, error: { code: 'recovery/active', params: {} } });
    expect(await call(recovering, 'backup.restore', { fileName: made.fileName })).toMatchObject({ ok: false, error: { code: 'recovery/active' } });
    expect(await call(recovering, 'recovery.restore', { fileName: stray })).toMatchObject({ ok: false, error: { code: 'backup/notABackup' } });
    expect(recovering.mode()).toBe('recovery');

    const outcome = await recovering.core.router.invoke('recovery.restore', { fileName: made.fileName }, { session: null });
    expect(outcome).toMatchObject({ ok: true, value: { fileName: made.fileName, safetyBackup: null } });
    const previousData = (outcome as { value: { previousData: string } }).value.previousData;
    // The damaged folder is kept whole beside the restored one, for whoever wants to look into it.
    expect(readFileSync(join(previousData, 'hearing-desk.sqlite'))).toEqual(damagedBytes);
    expect(recovering.mode()).toBe('normal');
    expect(await ok(recovering, 'hearing.list', {})).toEqual([expect.objectContaining({ id: hearing.id, title: wangJianpingHearing.title })]);
    expect(await ok(recovering, 'recovery.status', {})).toEqual({ active: false });
    expect(recovering.core.auditStatus()).toMatchObject({ intact: true });
    expect(events.map((event) => event.name)).toContain('backup.restored');
    expect(errors).toEqual([]);
    await recovering.close();
  });

  it('says when no backup folder was ever chosen, with nothing to restore', async () => {
    const dataDir = join(tempDir(), '听证台数据');
    const { live } = start(dataDir);
    await ok(live, 'hearing.create', wangJianpingHearing);
    await live.close();
    damageHeader(dataDir);

    const { live: recovering } = start(dataDir);
    expect(await ok(recovering, 'recovery.status', {})).toMatchObject({
      active: true,
      folder: '',
      folderFound: false,
      snapshots: [],
      latest: null,
      command: null,
    });
    expect(await call(recovering, 'recovery.restore', { fileName: 'hearing-desk-backup-20261208-092000.zip' })).toEqual({
      ok: false,
      error: { code: 'backup/noFolder', params: {} },
    });
    expect(existsSync(join(dataDir, 'hearing-desk.sqlite'))).toBe(true);
  });
});
