import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentKinds, methods, type MethodName } from '../../../electron/core/contract/index.js';
import { lockGuard } from '../../../electron/core/finalize/lock.js';
import { packageDir } from '../../../electron/core/finalize/service.js';
import { hearingArchive } from '../../../electron/core/seal/hearing-data.js';
import { verifyPackage } from '../../../electron/core/seal/verify.js';
import { ZipReader } from '../../../electron/core/seal/zip.js';
import { wangJianpingHearing } from '../../fixtures/hearings.js';
import { fixedClock, openTestCore, refusal, tempDir, type TestCore } from '../support/core.js';
import { finalized } from '../support/finalizable.js';
import { readyHearing, type ReadyHearing } from '../support/hearing.js';

/**
 * Issue 9, hand-over: the 王建平 hearing, held and sealed on the clerk's
 * laptop (core A), is received by the office's archive laptop (core B).
 */

let origin: ReadyHearing;
let hearingId: string;
let sealed: Buffer;
let fingerprint: string;
let archive: TestCore;
const work = tempDir('hearing-desk-handover-');
const receivedOn = fixedClock('2026-12-10T02:00:00.000Z');

beforeAll(async () => {
  origin = await readyHearing();
  hearingId = origin.hearing.id;
  const { packagePath } = await finalized(origin);
  sealed = readFileSync(packagePath);
  fingerprint = (await origin.core.ok('installation.key', {})).fingerprint;
  archive = openTestCore(tempDir(), receivedOn);
}, 60_000);

afterAll(() => {
  origin.core.close();
  archive.close();
});

let written = 0;
/** Uploads a package's bytes into a core's file store, as the upload route does, and answers the hash handover.import takes. */
async function upload(core: TestCore, bytes: Buffer): Promise<string> {
  written += 1;
  const path = join(work, `package-${written}.zip`);
  writeFileSync(path, bytes);
  return (await core.files.importPath(path, { originalName: '青秀信访听〔2026〕12号-听证案卷.zip', maxBytes: 100_000_000 })).sha256;
}

/** hearing.json as a core would write it now, without the audit log, which is each laptop's own chain. */
function rowsOf(core: TestCore): Record<string, unknown[]> {
  const { tables } = JSON.parse(hearingArchive(core.db, hearingId).toString('utf8')) as { tables: Record<string, unknown[]> };
  delete tables['audit_log'];
  return tables;
}

/** Every table's row count and every file under the data folder: what a refused import must leave as it was. */
function stateOf(core: TestCore) {
  const tables = core.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'minute_text%' ORDER BY name")
    .pluck()
    .all() as string[];
  const files = (readdirSync(core.dataDir, { recursive: true, withFileTypes: true }) as Array<{ parentPath: string; name: string; isFile(): boolean }>)
    .filter((entry) => entry.isFile() && !entry.name.startsWith('hearing-desk.sqlite'))
    .map((entry) => relative(core.dataDir, join(entry.parentPath, entry.name)))
    .sort();
  return { rows: Object.fromEntries(tables.map((table) => [table, core.db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get()])), files };
}

async function documentsOf(core: TestCore) {
  const documents: Record<string, string> = {};
  for (const kind of documentKinds) {
    const result = await core.router.invoke('documents.generate', { hearingId, kind, language: 'zh-CN' }, { actor: 'test' });
    documents[kind] = result.ok ? (result.value as { sha256: string }).sha256 : (result.error.code as string);
  }
  return documents;
}

describe('receiving a sealed case package from another laptop', () => {
  it('refuses a package with one byte changed, naming the file, and leaves the archive laptop as it was', async () => {
    const zip = await ZipReader.open(
      join(packageDir(origin.core.dataDir, hearingId), (await origin.core.ok('record.finalization', { hearingId }))!.packageName),
    );
    const data = zip.entries.find((entry) => entry.name === 'hearing.json')!;
    await zip.close();
    const tampered = Buffer.from(sealed);
    const at = data.headerOffset + 30 + Buffer.byteLength(data.name) + Math.floor(data.size / 2);
    tampered[at] = (tampered[at] as number) ^ 0x01;
    const sha256 = await upload(archive, tampered);
    const before = stateOf(archive);

    expect(await refusal(archive, 'handover.import', { sha256 })).toEqual({ code: 'handover/tampered', params: { file: 'hearing.json' } });
    // The upload itself went too: nothing of the refused package stays behind.
    expect(await archive.files.verify(sha256)).toBe('missing');
    const after = stateOf(archive);
    expect(after.rows).toEqual(before.rows);
    expect(after.files).toEqual(before.files.filter((file) => !file.endsWith(sha256.slice(2))));
    expect(after.rows['hearings']).toBe(0);
  });

  it('refuses a file that is not a case package at all', async () => {
    const sha256 = await upload(archive, Buffer.from('王建平信访事项听证笔录（草稿）', 'utf8'));
    expect(await refusal(archive, 'handover.import', { sha256 })).toEqual({ code: 'handover/notAPackage', params: {} });
  });

  it('takes in every row, the evidence and the package itself; the documents come out byte for byte as on the laptop that sealed it', async () => {
    const imported = await archive.ok('handover.import', { sha256: await upload(archive, sealed) });

    expect(imported).toEqual({
      hearingId,
      matterNo: wangJianpingHearing.matterNo,
      title: wangJianpingHearing.title,
      origin: {
        office: wangJianpingHearing.organizer,
        fingerprint,
        sealedAt: '2026-12-08T01:20:00.000Z',
        manifestSha256: (await origin.core.ok('record.finalization', { hearingId }))!.manifestSha256,
        importedAt: '2026-12-10T02:00:00.000Z',
        importedBy: 'test',
      },
    });
    const rows = rowsOf(archive);
    expect(rows).toEqual(rowsOf(origin.core));
    expect(rows['minute_entries']!.length).toBeGreaterThan(10);
    expect(rows['signatures']!.length).toBeGreaterThan(5);
    const documents = await documentsOf(archive);
    expect(documents).toEqual(await documentsOf(origin.core));
    expect(Object.values(documents).filter((sha256) => /^[0-9a-f]{64}$/.test(sha256))).toHaveLength(documentKinds.length);
    expect(await archive.ok('hearing.get', { hearingId })).toMatchObject({ status: 'finalized' });

    const finalization = (await archive.ok('record.finalization', { hearingId }))!;
    const kept = join(packageDir(archive.dataDir, hearingId), finalization.packageName);
    expect(readFileSync(kept).equals(sealed)).toBe(true);
    expect(await verifyPackage(kept)).toMatchObject({ valid: true, fingerprint, manifestSha256: imported.origin.manifestSha256 });

    const exhibits = await archive.ok('evidence.list', { hearingId });
    const evidence = exhibits.flatMap((exhibit) => exhibit.files.map((file) => file.sha256));
    expect(evidence.length).toBeGreaterThan(0);
    for (const sha256 of evidence) expect(await archive.files.verify(sha256)).toBe('ok');

    expect(await archive.ok('handover.list', {})).toEqual([imported]);
    expect(archive.auditStatus()).toEqual({ intact: true, entries: 1 });
    const links = archive.db.prepare('SELECT action, hearing_id AS hearingId FROM audit_log').all();
    expect(links).toEqual([{ action: 'handover.import', hearingId }]);
  });

  it('refuses the same package a second time, naming the matter', async () => {
    const before = stateOf(archive);
    expect(await refusal(archive, 'handover.import', { sha256: await upload(archive, sealed) })).toEqual({
      code: 'handover/alreadyPresent',
      params: { matterNo: wangJianpingHearing.matterNo },
    });
    expect(stateOf(archive)).toEqual(before);
  });

  it('keeps the received hearing read-only: every change and the addendum are refused', async () => {
    const guard = lockGuard(archive.db);
    const mutations = (Object.keys(methods) as MethodName[]).filter((name) => methods[name].kind === 'mutation' && methods[name].lockable !== false);
    expect(mutations.length).toBeGreaterThan(60);
    for (const method of [...mutations, 'record.amend' as const]) {
      expect(() => guard(method, { hearingId }), method).toThrow(expect.objectContaining({ code: 'handover/readOnly' }));
    }
    const entryId = (await archive.ok('minutes.list', { hearingId })).entries[0]!.id;
    expect(
      await refusal(archive, 'minutes.edit', { entryId, expectedVersion: 1, kind: 'note', speakerId: null, text: '改动', offRecord: false }),
    ).toMatchObject({ code: 'handover/readOnly' });
    expect(await refusal(archive, 'record.amend', { hearingId, text: '第三页“二〇二六年”应为“2026年”。', reason: '笔误' })).toMatchObject({
      code: 'handover/readOnly',
    });
    expect(await refusal(archive, 'record.finalize', { hearingId })).toMatchObject({ code: 'handover/readOnly' });
  });

  it('is received by a laptop that already numbered minutes of its own: entries follow its own, the documents stay the same', async () => {
    const busy = await readyHearing({ dataDir: tempDir() });
    await busy.core.ok('minutes.append', {
      hearingId: busy.hearing.id,
      clientId: randomUUID(),
      kind: 'note',
      text: '本机先前的笔录。',
      startedAt: busy.clock.now().toISOString(),
    });
    const ownEntries = busy.core.db.prepare('SELECT MAX(id) FROM minute_entries').pluck().get() as number;
    expect(ownEntries).toBeGreaterThan(0);

    await busy.core.ok('handover.import', { sha256: await upload(busy.core, sealed) });

    const received = busy.core.db.prepare('SELECT MIN(id) FROM minute_entries WHERE hearing_id = ?').pluck().get(hearingId) as number;
    expect(received).toBe(ownEntries + 1);
    expect(await documentsOf(busy.core)).toEqual(await documentsOf(origin.core));
    expect(busy.core.db.pragma('foreign_key_check')).toEqual([]);
    // The renumbered entries change the record's digest, not the signatures the seal vouches for.
    const signing = await busy.core.ok('signing.view', { hearingId });
    expect(signing.signers.filter((signer) => signer.stale)).toEqual([]);
    expect(signing.signers.filter((signer) => signer.outcome === 'signed').length).toBeGreaterThan(3);
    busy.core.close();
  }, 30_000);
});
