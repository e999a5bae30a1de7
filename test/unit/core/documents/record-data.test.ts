import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRecordDocument } from '../../../../electron/core/documents/record.js';
import { localDateTime } from '../../../../electron/core/contract/index.js';
import { recordDataOf } from '../../../../electron/core/documents/record-data.js';
import { loadTemplates } from '../../../../electron/core/templates/load.js';
import { cast } from '../../../fixtures/people.js';
import { resourcesDir } from '../../support/core.js';
import { useReadyHearings } from '../../support/hearing.js';

const { ready } = useReadyHearings();
const petition = loadTemplates(join(resourcesDir, 'templates')).templates.find((template) => template.id === 'petition')!;

describe('the 听证笔录 from the database', () => {
  it('gathers the header and the entries on the record, in order, and builds the document from them', async () => {
    const setup = await ready();
    const { core, hearing, people, clock } = setup;
    await core.ok('procedure.start', { hearingId: hearing.id });
    const say = (name: string, text: string) =>
      core.ok('minutes.append', {
        hearingId: hearing.id,
        clientId: randomUUID(),
        kind: 'speech',
        speakerId: people[name]!.id,
        text,
        startedAt: clock.now().toISOString(),
      });
    await say('刘明远', '请信访人陈述信访事项和理由。');
    clock.advance(60_000);
    await say('王建平', '我对征收补偿决定不服。');

    const data = recordDataOf(core.db, hearing.id, petition)!;
    expect(data).toMatchObject({ matter: hearing.title, matterNo: hearing.matterNo, organizer: '南宁市青秀区信访局', isPublic: true, partyLabel: '信访人' });
    expect(data.petitioners).toEqual([expect.objectContaining({ name: '王建平', idNumber: cast.petitioner.idNumber, phone: '13877112345' })]);
    expect(data.panel.map((member) => member.name)).toEqual(cast.panel.map((member) => member.name));
    expect(data.agencies[0]).toMatchObject({
      name: '青秀区住房和城乡建设局',
      attendees: [
        { name: '陈立新', post: '副局长' },
        { name: '莫晓东', post: '青秀区房屋征收办公室科长' },
      ],
    });
    const spoken = data.entries.filter((entry) => entry.kind === 'speech');
    expect(spoken.map((entry) => `${entry.speakerLabel}：${entry.text}`)).toEqual([
      '主持人：请信访人陈述信访事项和理由。',
      '信访人王建平：我对征收补偿决定不服。',
    ]);
    expect(spoken[0]!.time).toBe(localDateTime('2026-12-08T01:20:00.000Z'));
    expect(data.signers.filter((signer) => signer.role === 'party').map((signer) => signer.name)).toEqual(
      expect.arrayContaining(['王建平', '张志强', '陈立新']),
    );

    const docx = await buildRecordDocument(data);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(await buildRecordDocument(recordDataOf(core.db, hearing.id, petition)!)).toEqual(docx);
  });

  it('finds no record for an unknown hearing', async () => {
    const setup = await ready();
    expect(recordDataOf(setup.core.db, 'no-such-hearing', petition)).toBeUndefined();
  });
});
