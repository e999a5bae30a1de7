import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packageDir } from '../../../electron/core/finalize/service.js';
import { keyFileName } from '../../../electron/core/seal/key.js';
import { verifyPackage } from '../../../electron/core/seal/verify.js';
import { openTestCore, refusal } from '../support/core.js';
import { finalized, heldToTheEnd, signEveryone } from '../support/finalizable.js';
import { useReadyHearings } from '../support/hearing.js';

const { ready, opened } = useReadyHearings();

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the completeness check', () => {
  it('lists everything still missing, by kind, while the hearing runs', async () => {
    const setup = await ready();
    await setup.core.ok('procedure.start', { hearingId: setup.hearing.id });
    await setup.core.ok('evidence.add', { hearingId: setup.hearing.id, submitterId: setup.people['王建平']!.id, name: '房屋产权证', form: 'documentary' });
    const { complete, missing } = await setup.core.ok('record.completeness', { hearingId: setup.hearing.id });
    const kinds = new Set(missing.map((item) => item.kind));
    expect(complete).toBe(false);
    expect([...kinds].sort()).toEqual(['deliberationMissing', 'exhibitNoFinding', 'exhibitUnexamined', 'notClosed', 'signerPending', 'stepOpen'].sort());
    expect(missing.filter((item) => item.kind === 'signerPending')).toHaveLength(14);
    expect(missing.find((item) => item.kind === 'exhibitUnexamined')?.params).toMatchObject({ labelZh: '信访人证据1', name: '房屋产权证' });
  });

  it('is satisfied once the hearing is held to the end and everyone has signed; a later correction makes the signatures stale again', async () => {
    const setup = await ready();
    await heldToTheEnd(setup);
    expect((await setup.core.ok('record.completeness', { hearingId: setup.hearing.id })).missing.map((item) => item.kind)).toEqual(
      Array(14).fill('signerPending'),
    );
    await signEveryone(setup);
    expect(await setup.core.ok('record.completeness', { hearingId: setup.hearing.id })).toEqual({ complete: true, missing: [] });
    await setup.core.ok('minutes.append', {
      hearingId: setup.hearing.id,
      clientId: randomUUID(),
      kind: 'note',
      speakerId: null,
      text: '补记：信访人当场提交装修合同复印件一份。',
      startedAt: setup.clock.now().toISOString(),
    });
    const after = await setup.core.ok('record.completeness', { hearingId: setup.hearing.id });
    expect(after.missing.map((item) => item.kind)).toEqual(Array(14).fill('signatureStale'));
  });
});

describe('finalizing', () => {
  it('is refused while anything is missing, and changes nothing', async () => {
    const setup = await ready();
    await heldToTheEnd(setup);
    expect(await refusal(setup.core, 'record.finalize', { hearingId: setup.hearing.id })).toMatchObject({ code: 'record/incomplete', params: { count: 14 } });
    expect((await setup.core.ok('hearing.get', { hearingId: setup.hearing.id })).status).toBe('closed');
    expect(existsSync(packageDir(setup.core.dataDir, setup.hearing.id))).toBe(false);
    expect(await setup.core.ok('record.finalization', { hearingId: setup.hearing.id })).toBeNull();
  });

  it('locks the hearing and seals a case package: documents, hearing.json, signatures, evidence, and a manifest signed with the installation key', async () => {
    const setup = await ready();
    const { finalization, packagePath } = await finalized(setup);
    const key = await setup.core.ok('installation.key', {});
    expect(finalization).toMatchObject({ hearingId: setup.hearing.id, keyFingerprint: key.fingerprint, addenda: [] });
    expect(key.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect((await setup.core.ok('hearing.get', { hearingId: setup.hearing.id })).status).toBe('finalized');

    const bytes = readFileSync(packagePath);
    expect(finalization.packageBytes).toBe(bytes.length);
    const files = unzipSync(new Uint8Array(bytes));
    const names = Object.keys(files);
    expect(names).toEqual(expect.arrayContaining(['hearing.json', 'manifest.json', 'manifest.sig', `documents/${setup.hearing.title}-听证笔录.docx`]));
    expect(names.filter((name) => name.startsWith('signatures/') && name.endsWith('.png'))).toHaveLength(14);
    expect(names.filter((name) => name.startsWith('evidence/信访人证据1/'))).toEqual(['evidence/信访人证据1/1-装修现场照片.png']);

    const manifestBytes = Buffer.from(files['manifest.json']!);
    expect(sha256(manifestBytes)).toBe(finalization.manifestSha256);
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as { files: Array<{ path: string; sha256: string }>; key: { fingerprint: string } };
    expect(manifest.key.fingerprint).toBe(key.fingerprint);
    for (const file of manifest.files) expect(sha256(Buffer.from(files[file.path]!)), file.path).toBe(file.sha256);

    const archive = JSON.parse(strFromU8(files['hearing.json']!)) as { schemaVersion: number; tables: Record<string, unknown[]> };
    expect(archive.schemaVersion).toBeGreaterThanOrEqual(8);
    expect(archive.tables['participants']).toHaveLength(14);
    expect(archive.tables['minute_entries']?.length).toBeGreaterThan(10);
    expect(archive.tables['signatures']).toHaveLength(14);
    expect(archive.tables['exhibit_files']).toHaveLength(1);

    expect(await verifyPackage(packagePath)).toMatchObject({
      valid: true,
      fingerprint: key.fingerprint,
      hearingTitle: setup.hearing.title,
      files: manifest.files.length,
    });
  });

  it('refuses every change afterwards, and a second finalizing, while the documents can still be printed', async () => {
    const setup = await ready();
    await finalized(setup);
    const hearingId = setup.hearing.id;
    expect(await refusal(setup.core, 'record.finalize', { hearingId })).toMatchObject({ code: 'hearing/locked' });
    expect(
      await refusal(setup.core, 'minutes.append', {
        hearingId,
        clientId: randomUUID(),
        kind: 'note',
        speakerId: null,
        text: '事后补记',
        startedAt: setup.clock.now().toISOString(),
      }),
    ).toMatchObject({ code: 'hearing/locked' });
    expect((await setup.core.ok('documents.generate', { hearingId, kind: 'record' })).fileName).toContain('听证笔录');
  });

  it('keeps the installation key in the data folder, readable by its owner only, the same after a restart', async () => {
    const setup = await ready();
    const { finalization } = await finalized(setup);
    const keyFile = join(setup.core.dataDir, keyFileName);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    setup.core.close();
    opened.splice(opened.indexOf(setup.core), 1);
    const again = openTestCore(setup.core.dataDir);
    opened.push(again);
    expect((await again.ok('installation.key', {})).fingerprint).toBe(finalization.keyFingerprint);
  });

  it('is refused, leaving no package behind, when an evidence file in the store was damaged', async () => {
    const setup = await ready();
    await heldToTheEnd(setup);
    await signEveryone(setup);
    const exhibits = await setup.core.ok('evidence.list', { hearingId: setup.hearing.id });
    const stored = setup.core.files.pathOf(exhibits.find((exhibit) => exhibit.files.length > 0)!.files[0]!.sha256);
    chmodSync(stored, 0o644);
    writeFileSync(stored, 'overwritten');
    expect(await refusal(setup.core, 'record.finalize', { hearingId: setup.hearing.id })).toMatchObject({ code: 'file/corrupt' });
    expect(readdirSync(packageDir(setup.core.dataDir, setup.hearing.id))).toEqual([]);
    expect((await setup.core.ok('hearing.get', { hearingId: setup.hearing.id })).status).toBe('closed');
  });
});

describe('an addendum (补正) after finalizing', () => {
  it('is a new sealed package naming the original manifest; the original package stays byte for byte', async () => {
    const setup = await ready();
    const { finalization, packagePath } = await finalized(setup);
    const before = sha256(readFileSync(packagePath));
    const addendum = await setup.core.ok('record.amend', {
      hearingId: setup.hearing.id,
      text: '第12条记录中“十八万元”应为“十六万元”。',
      reason: '信访人核对发票后指出笔误',
    });
    expect(addendum).toMatchObject({ number: 1, reason: '信访人核对发票后指出笔误' });
    expect(sha256(readFileSync(packagePath))).toBe(before);
    const addendumPath = join(packageDir(setup.core.dataDir, setup.hearing.id), addendum.packageName);
    expect(await verifyPackage(addendumPath)).toMatchObject({ valid: true, manifestSha256: addendum.manifestSha256 });
    const files = unzipSync(new Uint8Array(readFileSync(addendumPath)));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { kind: string; amends: { manifestSha256: string } };
    expect(manifest).toMatchObject({ kind: 'addendum', amends: { manifestSha256: finalization.manifestSha256 } });
    const document = Object.entries(files).find(([name]) => name.endsWith('.docx'))![1];
    const xml = strFromU8(unzipSync(document)['word/document.xml']!);
    expect(xml).toContain(finalization.manifestSha256);
    expect(xml).toContain('十六万元');
    expect((await setup.core.ok('record.finalization', { hearingId: setup.hearing.id }))?.addenda).toHaveLength(1);
  });

  it('is refused before the record is finalized', async () => {
    const setup = await ready();
    expect(await refusal(setup.core, 'record.amend', { hearingId: setup.hearing.id, text: '更正', reason: '笔误' })).toMatchObject({
      code: 'record/notFinalized',
    });
  });
});
