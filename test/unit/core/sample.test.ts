import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { isValidIdNumber } from '../../../electron/core/contract/index.js';
import { packageDir } from '../../../electron/core/finalize/service.js';
import { loadSample, sampleFileName } from '../../../electron/core/sample/load.js';
import { signaturePng, signatureStrokes } from '../../../electron/core/sample/signature.js';
import { verifyPackage } from '../../../electron/core/seal/verify.js';
import { openTestCore, resourcesDir, type TestCore } from '../support/core.js';

const samplesDir = join(resourcesDir, 'samples');
const opened: TestCore[] = [];
afterEach(() => {
  for (const core of opened.splice(0)) core.close();
});

/** The core as the running app has it: the system clock, not the sample's. */
function appCore(): TestCore {
  const core = openTestCore(undefined, { now: () => new Date() });
  opened.push(core);
  return core;
}

/** The words of a .docx, run after run, without the markup between them. */
function docxText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  return xml.replace(/<[^>]+>/g, '');
}

describe('the shipped sample file', () => {
  it('parses, with real-looking identity numbers and a script long enough to read like a hearing', () => {
    const sample = loadSample(samplesDir);
    expect(sample.hearing).toMatchObject({ matterNo: '示例〔2026〕第0001号', templateId: 'petition', plannedStart: '2026-03-10T09:30', isPublic: true });
    const entries = sample.script.flatMap((step) => step.entries);
    expect(entries.length).toBeGreaterThanOrEqual(60);
    expect(entries.length).toBeLessThanOrEqual(120);
    for (const person of sample.participants.filter((candidate) => candidate.idNumber !== '')) expect(isValidIdNumber(person.idNumber)).toBe(true);
  });

  it('fails with the place of every problem when the file is broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearing-desk-sample-'));
    const sample = JSON.parse(readFileSync(join(samplesDir, sampleFileName), 'utf8')) as {
      participants: unknown[];
      script: Array<{ entries: Array<{ speaker: string }> }>;
    };
    sample.script[0]!.entries[0]!.speaker = '查无此人';
    delete (sample.participants[0] as Record<string, unknown>).role;
    writeFileSync(join(dir, sampleFileName), JSON.stringify(sample));
    expect(() => loadSample(dir)).toThrow(/participants\.0\.role/);
    writeFileSync(join(dir, sampleFileName), '{ not json');
    expect(() => loadSample(dir)).toThrow(/petition-sample\.json/);
  });
});

describe('a drawn test signature', () => {
  it('is the same for the same name and a different picture for another', () => {
    const strokes = signatureStrokes('孙玉兰', 0);
    expect(signatureStrokes('孙玉兰', 0)).toEqual(strokes);
    expect(signaturePng(signatureStrokes('何建军', 0)).equals(signaturePng(strokes))).toBe(false);
    const png = signaturePng(strokes);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(300);
    const times = strokes.flatMap((stroke) => stroke.points.map((point) => point.time));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

// A few seconds alone; more when other test files share the machine.
describe('sample.create', { timeout: 20_000 }, () => {
  it('holds the sample to the end: finalized, sealed, signed by everyone, the minutes as scripted, the dissent only in the 评议笔录', async () => {
    const core = appCore();
    const sample = loadSample(samplesDir);
    const hearing = await core.ok('sample.create', {});
    expect(hearing).toMatchObject({ matterNo: sample.hearing.matterNo, title: sample.hearing.title, status: 'finalized' });

    const finalization = await core.ok('record.finalization', { hearingId: hearing.id });
    expect(finalization).not.toBeNull();
    const packagePath = join(packageDir(core.dataDir, hearing.id), finalization!.packageName);
    expect(await verifyPackage(packagePath)).toMatchObject({ valid: true });

    const signing = await core.ok('signing.view', { hearingId: hearing.id });
    expect(signing.signers).toHaveLength(9);
    expect(signing.signers.every((signer) => signer.outcome === 'signed' && !signer.stale)).toBe(true);

    const start = new Date(sample.hearing.plannedStart).getTime();
    const scripted = sample.script.flatMap((step) =>
      step.entries.map((entry) => ({ text: entry.text, startedAt: new Date(start + entry.at * 60_000).toISOString() })),
    );
    const { entries } = await core.ok('minutes.list', { hearingId: hearing.id });
    const typed = entries.filter((entry) => entry.kind !== 'event').map((entry) => ({ text: entry.text, startedAt: entry.startedAt }));
    expect(typed).toEqual(scripted);

    const deliberation = await core.ok('deliberation.view', { hearingId: hearing.id });
    const dissent = deliberation.requests.flatMap((request) => request.result?.dissent ?? []);
    expect(dissent).toEqual([expect.objectContaining({ memberName: '马骏', outcome: 'support' })]);
    expect(deliberation.conclusion).toEqual({ kind: 'partial' });
    expect(deliberation.satisfaction).toMatchObject({ rating: 'basicallySatisfied', acceptsConclusion: 'yes' });
    const words = dissent[0]!.reasons;
    expect(entries.some((entry) => entry.text.includes(words))).toBe(false);
    const files = unzipSync(new Uint8Array(readFileSync(packagePath)));
    const documentOf = (suffix: string) => docxText(files[Object.keys(files).find((name) => name.endsWith(suffix))!]!);
    expect(documentOf('-评议笔录.docx')).toContain(words);
    expect(documentOf('-听证笔录.docx')).not.toContain(words);
  });

  it('returns the sample already there instead of making a second one', async () => {
    const core = appCore();
    const first = await core.ok('sample.create', {});
    const second = await core.ok('sample.create', {});
    expect(second.id).toBe(first.id);
    expect(await core.ok('hearing.list', {})).toHaveLength(1);
  });
});
