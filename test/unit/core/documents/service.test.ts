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
