import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/errors.js';
import { receiveUpload } from '../../../electron/core/evidence/serving.js';
import type { CoreEvent } from '../../../electron/core/events.js';
import { openTestCore, refusal, type TestCore } from '../support/core.js';

const megabyte = 1024 * 1024;

const cores: TestCore[] = [];
function core(dataDir?: string): TestCore {
  const opened = openTestCore(dataDir);
  cores.push(opened);
  return opened;
}
afterEach(() => {
  for (const each of cores.splice(0)) each.close();
});

/** A stretch of hearing video: an MP4 header, then bytes that differ on every call. */
function videoBytes(size: number): Buffer {
  const bytes = randomBytes(size);
  bytes.write('\u0000\u0000\u0000\u0018ftypmp42', 0, 'latin1');
  return bytes;
}

/** Every file the evidence store holds, temporary ones included, so a leftover shows. */
function storeContents(opened: TestCore): string[] {
  if (!existsSync(opened.files.dir)) return [];
  return readdirSync(opened.files.dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(opened.files.dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** An upload as both shells hand it over: a stream, its name, and the length the request announced (if it did). */
async function upload(opened: TestCore, name: string, bytes: Buffer, announced: boolean): Promise<AppError | string> {
  try {
    return (await receiveUpload(opened.db, opened.files, Readable.from([bytes]), name, announced ? bytes.length : undefined)).sha256;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

const auditActions = (opened: TestCore) => opened.db.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all();

describe('the evidence file size limit', () => {
  it('is 2 GB until the office sets another, which is remembered, audited and announced to every window', async () => {
    const first = core();
    expect((await first.ok('settings.get', {})).evidenceMaxMegabytes).toBe(2048);
    const seen: CoreEvent[] = [];
    first.events.on((event) => seen.push(event));
    expect(await first.ok('settings.setEvidenceLimit', { megabytes: 500 })).toMatchObject({ evidenceMaxMegabytes: 500, language: 'zh-CN' });
    expect(seen).toEqual([{ name: 'settings.changed', payload: expect.objectContaining({ evidenceMaxMegabytes: 500 }) }]);
    expect(auditActions(first)).toEqual(['settings.setEvidenceLimit']);
    expect(first.auditStatus()).toEqual({ intact: true, entries: 1 });
    first.close();
    expect((await core(first.dataDir).ok('settings.get', {})).evidenceMaxMegabytes).toBe(500);
  });

  it('takes whole megabytes from 1 MB to 20 GB, and nothing else', async () => {
    const opened = core();
    for (const megabytes of [0, -5, 20 * 1024 + 1, 1.5, '100', null]) {
      expect(await refusal(opened, 'settings.setEvidenceLimit', { megabytes })).toEqual({
        code: 'validation',
        params: { issues: [{ path: 'megabytes', key: 'validation.evidenceLimit', params: expect.any(Object) }] },
      });
    }
    expect((await opened.ok('settings.get', {})).evidenceMaxMegabytes).toBe(2048);
    expect((await opened.ok('settings.setEvidenceLimit', { megabytes: 1 })).evidenceMaxMegabytes).toBe(1);
    expect((await opened.ok('settings.setEvidenceLimit', { megabytes: 20 * 1024 })).evidenceMaxMegabytes).toBe(20 * 1024);
    expect(auditActions(opened)).toEqual(['settings.setEvidenceLimit', 'settings.setEvidenceLimit']);
  });

  it('holds the next upload to a lowered limit and leaves the store as it was', async () => {
    const opened = core();
    const morning = videoBytes(1.5 * megabyte);
    expect(await upload(opened, '听证会现场录像（上午）.mp4', morning, true)).toMatch(/^[0-9a-f]{64}$/);
    const before = storeContents(opened);
    expect(before).toHaveLength(1);

    await opened.ok('settings.setEvidenceLimit', { megabytes: 1 });
    // Announced (a file chosen in the window) or not (a stream of unknown length): refused either way, the limit in the words.
    for (const announced of [true, false]) {
      const refused = await upload(opened, '听证会现场录像（下午）.mp4', videoBytes(1.5 * megabyte), announced);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).toData()).toEqual({
        code: 'file/tooLarge',
        params: { name: '听证会现场录像（下午）.mp4', limitBytes: megabyte, limitMegabytes: 1 },
      });
      expect(storeContents(opened)).toEqual(before);
    }
    expect(await upload(opened, '信访人陈述录音.m4a', videoBytes(0.6 * megabyte), true)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the 证据目录 columns', () => {
  it('shows every column until the official leaves some out, kept in the catalogue’s order and remembered', async () => {
    const first = core();
    expect((await first.ok('settings.get', {})).catalogueColumns).toEqual(['source', 'purpose', 'pagesCopies', 'original', 'form', 'notes']);
    const chosen = await first.ok('settings.setCatalogueColumns', { columns: ['notes', 'purpose', 'form'] });
    expect(chosen.catalogueColumns).toEqual(['purpose', 'form', 'notes']);
    expect(auditActions(first)).toEqual(['settings.setCatalogueColumns']);
    first.close();
    expect((await core(first.dataDir).ok('settings.get', {})).catalogueColumns).toEqual(['purpose', 'form', 'notes']);
  });

  it('may leave out every optional column, but never 序号 or 证据名称, and takes each column once', async () => {
    const opened = core();
    expect((await opened.ok('settings.setCatalogueColumns', { columns: [] })).catalogueColumns).toEqual([]);
    for (const column of ['number', 'name', 'signature']) {
      expect(await refusal(opened, 'settings.setCatalogueColumns', { columns: ['source', column] })).toMatchObject({
        code: 'validation',
        params: { issues: [{ path: 'columns.1', key: 'validation.invalidOption' }] },
      });
    }
    expect(await refusal(opened, 'settings.setCatalogueColumns', { columns: ['form', 'form'] })).toMatchObject({
      code: 'validation',
      params: { issues: [{ path: 'columns', key: 'validation.duplicateOption' }] },
    });
    expect((await opened.ok('settings.get', {})).catalogueColumns).toEqual([]);
  });
});

describe('stored settings this version cannot read', () => {
  it('fall back to the defaults instead of failing every screen', async () => {
    const opened = core();
    const write = opened.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    write.run('evidenceMaxMegabytes', '"很大"');
    write.run('catalogueColumns', '["source", "seal"');
    write.run('boldHeadings', 'maybe');
    expect(await opened.ok('settings.get', {})).toEqual({
      language: 'zh-CN',
      evidenceMaxMegabytes: 2048,
      catalogueColumns: ['source', 'purpose', 'pagesCopies', 'original', 'form', 'notes'],
      officeName: '',
      boldHeadings: false,
      backupFolder: '',
    });
  });
});
