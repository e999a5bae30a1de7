import { createHash, randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { refusal } from '../../support/core.js';
import { useReadyHearings } from '../../support/hearing.js';

const { ready } = useReadyHearings();

describe('documents.generate', () => {
  it('hands the 听证笔录 as it stands to either shell as a .docx, the same bytes for the same record', async () => {
    const setup = await ready();
    await setup.core.ok('procedure.start', { hearingId: setup.hearing.id });
    await setup.core.ok('minutes.append', {
      hearingId: setup.hearing.id,
      clientId: randomUUID(),
      kind: 'speech',
      speakerId: setup.people['王建平']?.id ?? null,
      text: '评估报告没有考虑房屋的装修价值。',
      startedAt: setup.clock.now().toISOString(),
    });
    const first = await setup.core.ok('documents.generate', { hearingId: setup.hearing.id, kind: 'record' });
    const bytes = Buffer.from(first.base64, 'base64');
    expect(first.fileName).toBe(`${setup.hearing.title}-听证笔录.docx`);
    expect(first.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml'] as Uint8Array);
    expect(xml).toContain('评估报告没有考虑房屋的装修价值。');
    expect(xml).toContain('听证开始。');
    expect((await setup.core.ok('documents.generate', { hearingId: setup.hearing.id, kind: 'record' })).sha256).toBe(first.sha256);
  });

  it('refuses an unknown hearing', async () => {
    const setup = await ready();
    expect(await refusal(setup.core, 'documents.generate', { hearingId: randomUUID(), kind: 'record' })).toMatchObject({ code: 'hearing/notFound' });
  });
});

describe('the office’s document layout', () => {
  it('prints the office’s name above the record’s title and bolds headings when the settings say so, in every document after the change', async () => {
    const setup = await ready();
    const hearingId = setup.hearing.id;
    const partsOf = async (kind: 'record' | 'report') =>
      unzipSync(new Uint8Array(Buffer.from((await setup.core.ok('documents.generate', { hearingId, kind })).base64, 'base64')));
    const before = await partsOf('record');
    expect(strFromU8(before['word/document.xml']!)).toContain(`>${setup.hearing.organizer}<`);
    expect(strFromU8(before['word/styles.xml']!)).not.toMatch(/w:styleId="HdHeading1"[\s\S]*?<w:b\/>[\s\S]*?<\/w:style>/);

    const settings = await setup.core.ok('settings.setDocumentLayout', { officeName: '南宁市青秀区人民政府信访局', boldHeadings: true });
    expect(settings).toMatchObject({ officeName: '南宁市青秀区人民政府信访局', boldHeadings: true });
    const after = await partsOf('record');
    expect(strFromU8(after['word/document.xml']!)).toContain('>南宁市青秀区人民政府信访局<');
    const report = await partsOf('report');
    expect(strFromU8(report['word/styles.xml']!)).toMatch(/w:styleId="HdHeading1"(?:(?!<\/w:style>)[\s\S])*<w:b\/>/);
  });

  it('refuses an office name longer than a title line, changing nothing', async () => {
    const setup = await ready();
    expect(await refusal(setup.core, 'settings.setDocumentLayout', { officeName: '很'.repeat(61), boldHeadings: false })).toMatchObject({ code: 'validation' });
    expect(await setup.core.ok('settings.get', {})).toMatchObject({ officeName: '', boldHeadings: false });
  });
});
