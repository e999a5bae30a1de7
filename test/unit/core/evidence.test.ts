import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Exhibit } from '../../../electron/core/contract/index.js';
import { listHearingEvents } from '../../../electron/core/db/hearing-events.js';
import { examinationSentence } from '../../../electron/core/evidence/sentence.js';
import { refusal } from '../support/core.js';
import { useReadyHearings, type ReadyHearing } from '../support/hearing.js';

const { ready } = useReadyHearings();

const exhibitsOfWang = [
  {
    name: '房屋所有权证',
    source: '南宁市不动产登记中心',
    purpose: '证明东葛路118号房屋为信访人所有，建筑面积96.4平方米',
    form: 'documentary',
    pages: 2,
    copies: 1,
    isOriginal: true,
  },
  {
    name: '房屋征收评估报告（信访人委托）',
    source: '广西华信房地产评估有限公司',
    purpose: '证明房屋市场评估价为每平方米12,860元',
    form: 'expertOpinion',
    pages: 18,
  },
  { name: '搬迁现场照片', source: '信访人自行拍摄', purpose: '证明搬迁期间未获临时安置', form: 'audiovisual', pages: 6 },
] as const;

async function register(setup: ReadyHearing): Promise<Exhibit[]> {
  const { core, hearing, people } = setup;
  const added: Exhibit[] = [];
  for (const exhibit of exhibitsOfWang)
    added.push(await core.ok('evidence.add', { hearingId: hearing.id, submitterId: people['王建平']?.id as string, ...exhibit }));
  added.push(
    await core.ok('evidence.add', {
      hearingId: hearing.id,
      submitterId: people['陈立新']?.id as string,
      name: '东城街道房屋征收补偿决定书',
      source: '青秀区人民政府',
      purpose: '证明补偿标准依据评估机构出具的评估报告确定',
      form: 'documentary',
      pages: 4,
    }),
  );
  return added;
}

describe('the exhibit register', () => {
  it('numbers each party’s exhibits in the template’s words', async () => {
    const setup = await ready();
    const added = await register(setup);
    expect(added.map((exhibit) => exhibit.label['zh-CN'])).toEqual(['信访人证据1', '信访人证据2', '信访人证据3', '办理机关证据1']);
    expect(added[0]).toMatchObject({ submitterName: '王建平', side: 'petitioner', isOriginal: true, late: false, files: [], examinations: [], finding: null });
  });

  it('counts an agent’s and a representative’s exhibits with the petitioner’s', async () => {
    const setup = await ready();
    await register(setup);
    const byAgent = await setup.core.ok('evidence.add', {
      hearingId: setup.hearing.id,
      submitterId: setup.people['张志强']?.id as string,
      name: '授权委托书',
      form: 'documentary',
    });
    expect(byAgent.label['zh-CN']).toBe('信访人证据4');
  });

  it('renumbers on a move before the hearing and freezes numbers once it has started', async () => {
    const setup = await ready();
    const added = await register(setup);
    const moved = await setup.core.ok('evidence.move', { exhibitId: added[2]?.id as string, position: 1 });
    expect(moved.filter((exhibit) => exhibit.side === 'petitioner').map((exhibit) => [exhibit.label['zh-CN'], exhibit.name])).toEqual([
      ['信访人证据1', '搬迁现场照片'],
      ['信访人证据2', '房屋所有权证'],
      ['信访人证据3', '房屋征收评估报告（信访人委托）'],
    ]);
    await setup.core.ok('procedure.start', { hearingId: setup.hearing.id });
    expect(await refusal(setup.core, 'evidence.move', { exhibitId: added[0]?.id, position: 1 })).toMatchObject({ code: 'evidence/frozen' });
    expect(await refusal(setup.core, 'evidence.remove', { exhibitId: added[0]?.id })).toMatchObject({ code: 'evidence/frozen' });
  });

  it('marks evidence registered during the hearing as late, with the time, and tells the minutes', async () => {
    const setup = await ready();
    await register(setup);
    await setup.core.ok('procedure.start', { hearingId: setup.hearing.id });
    const late = await setup.core.ok('evidence.add', {
      hearingId: setup.hearing.id,
      submitterId: setup.people['王建平']?.id as string,
      name: '临时安置费催告函',
      form: 'documentary',
    });
    expect(late).toMatchObject({ late: true, label: { 'zh-CN': '信访人证据4' } });
    expect(listHearingEvents(setup.core.db, setup.hearing.id).find((event) => event.kind === 'evidence.submittedLate')?.data).toMatchObject({
      label: '信访人证据4',
      name: '临时安置费催告函',
    });
  });

  it('refuses evidence from the panel or the clerk, and malformed fields', async () => {
    const setup = await ready();
    expect(
      await refusal(setup.core, 'evidence.add', { hearingId: setup.hearing.id, submitterId: setup.people['黄志刚']?.id, name: '意见', form: 'documentary' }),
    ).toMatchObject({
      code: 'evidence/submitterNotParty',
    });
    expect(
      await refusal(setup.core, 'evidence.add', { hearingId: setup.hearing.id, submitterId: setup.people['王建平']?.id, name: '照片', form: 'painting' }),
    ).toMatchObject({ code: 'validation' });
    expect(await setup.core.ok('evidence.list', { hearingId: setup.hearing.id })).toEqual([]);
  });
});

describe('files of an exhibit', () => {
  it('attaches a stored file by its hash, with the original name as metadata only', async () => {
    const setup = await ready();
    const [deed] = await register(setup);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 7)]);
    const stored = await setup.core.files.importStream(Readable.from([png]), { originalName: '房产证扫描件.png', maxBytes: 10_000_000 });
    const attached = await setup.core.ok('evidence.attachFile', { exhibitId: deed?.id as string, sha256: stored.sha256, originalName: '房产证扫描件.png' });
    expect(attached.files).toEqual([
      expect.objectContaining({ sha256: stored.sha256, originalName: '房产证扫描件.png', size: png.length, mediaType: 'image/png' }),
    ]);
  });

  it('refuses a hash that is not in the store, and names with path separators or control characters', async () => {
    const setup = await ready();
    const [deed] = await register(setup);
    const sha256 = 'a'.repeat(64);
    expect(await refusal(setup.core, 'evidence.attachFile', { exhibitId: deed?.id, sha256, originalName: '报告.pdf' })).toMatchObject({
      code: 'evidence/fileNotStored',
    });
    for (const originalName of ['../../etc/passwd', 'a\\b.pdf', '报告\u0000.pdf', 'x\u202egpj.exe']) {
      expect(await refusal(setup.core, 'evidence.attachFile', { exhibitId: deed?.id, sha256, originalName })).toMatchObject({ code: 'validation' });
    }
  });
});

describe('质证', () => {
  it('writes each opposing side’s opinion as the record’s sentence, in both languages', async () => {
    const setup = await ready();
    const added = await register(setup);
    const examined = await setup.core.ok('evidence.examine', {
      exhibitId: added[2]?.id as string,
      examinerId: setup.people['陈立新']?.id as string,
      authenticity: 'none',
      legality: 'none',
      relevance: 'objection',
      relevanceNote: '照片拍摄时间无法确认，与临时安置费的发放没有关联',
    });
    expect(examined.examinations[0]?.sentence['zh-CN']).toBe(
      '办理机关对信访人证据3的真实性、合法性无异议，对关联性有异议，认为照片拍摄时间无法确认，与临时安置费的发放没有关联。',
    );
    expect(examined.examinations[0]?.sentence.en).toContain('raises no objection to the authenticity and legality of');
    const event = listHearingEvents(setup.core.db, setup.hearing.id).find((candidate) => candidate.kind === 'evidence.examined');
    expect(event?.data.sentence).toBe(examined.examinations[0]?.sentence['zh-CN']);
  });

  it('replaces a side’s opinion when given again, and refuses one from the submitting side', async () => {
    const setup = await ready();
    const added = await register(setup);
    const input = {
      exhibitId: added[3]?.id as string,
      examinerId: setup.people['王建平']?.id as string,
      authenticity: 'none',
      legality: 'none',
      relevance: 'none',
    } as const;
    await setup.core.ok('evidence.examine', input);
    const again = await setup.core.ok('evidence.examine', { ...input, authenticity: 'partial', authenticityNote: '认可形式真实性，不认可内容真实性' });
    expect(again.examinations).toHaveLength(1);
    expect(again.examinations[0]?.sentence['zh-CN']).toBe(
      '信访人对办理机关证据1的真实性有部分异议，认为认可形式真实性，不认可内容真实性，对合法性、关联性无异议。',
    );
    expect(await refusal(setup.core, 'evidence.examine', { ...input, examinerId: setup.people['莫晓东']?.id })).toMatchObject({ code: 'evidence/notOpposing' });
  });

  it('records the panel’s finding with reasons', async () => {
    const setup = await ready();
    const [deed] = await register(setup);
    const found = await setup.core.ok('evidence.find', { exhibitId: deed?.id as string, finding: 'admitted', reasons: '原件与复印件核对一致，双方均无异议' });
    expect(found.finding).toMatchObject({ finding: 'admitted', reasons: '原件与复印件核对一致，双方均无异议' });
  });

  it('words a purpose opinion after the three aspects', () => {
    const sentence = examinationSentence(
      {
        examiner: { 'zh-CN': '办理机关', en: 'The agency' },
        exhibitLabel: { 'zh-CN': '信访人证据2', en: 'Petitioner exhibit 2' },
        authenticity: 'none',
        authenticityNote: '',
        legality: 'objection',
        legalityNote: '评估机构未经双方共同选定',
        relevance: 'none',
        relevanceNote: '',
        purposeOpinion: '不能证明应按该价格补偿',
      },
      'zh-CN',
    );
    expect(sentence).toBe(
      '办理机关对信访人证据2的真实性、关联性无异议，对合法性有异议，认为评估机构未经双方共同选定；关于证明目的，认为不能证明应按该价格补偿。',
    );
  });
});

describe('showing an exhibit on the public display', () => {
  it('shows it for a public hearing, records 出示 for the minutes, and clears it', async () => {
    const setup = await ready();
    const [deed] = await register(setup);
    await setup.core.ok('procedure.start', { hearingId: setup.hearing.id });
    await setup.core.ok('evidence.present', { exhibitId: deed?.id as string });
    expect((await setup.core.ok('display.view', { hearingId: setup.hearing.id })).exhibit).toMatchObject({
      label: { 'zh-CN': '信访人证据1' },
      name: '房屋所有权证',
    });
    expect(listHearingEvents(setup.core.db, setup.hearing.id).find((event) => event.kind === 'evidence.presented')?.data).toMatchObject({
      label: '信访人证据1',
    });
    await setup.core.ok('evidence.stopPresenting', { hearingId: setup.hearing.id });
    expect((await setup.core.ok('display.view', { hearingId: setup.hearing.id })).exhibit).toBeNull();
  });

  it('refuses a sensitive exhibit and any exhibit of a closed (不公开) hearing', async () => {
    const open = await ready();
    const [deed] = await register(open);
    await open.core.ok('evidence.update', { exhibitId: deed?.id as string, ...exhibitsOfWang[0], sensitive: true });
    expect(await refusal(open.core, 'evidence.present', { exhibitId: deed?.id })).toEqual({ code: 'evidence/notShowable', params: { reason: 'sensitive' } });
    const closed = await ready({ isPublic: false });
    const [other] = await register(closed);
    expect(await refusal(closed.core, 'evidence.present', { exhibitId: other?.id })).toEqual({ code: 'evidence/notShowable', params: { reason: 'nonPublic' } });
  });
});

describe('grouped numbering (分组编号)', () => {
  const labels = (exhibits: Exhibit[]) => exhibits.map((exhibit) => [exhibit.label['zh-CN'], exhibit.name]);
  const petitioners = async (setup: ReadyHearing) =>
    (await setup.core.ok('evidence.list', { hearingId: setup.hearing.id })).filter((exhibit) => exhibit.side === 'petitioner');

  it('numbers flat by default and, once chosen, within each group of a side', async () => {
    const setup = await ready();
    const hearingId = setup.hearing.id;
    expect(await setup.core.ok('evidence.numbering', { hearingId })).toEqual({ style: 'flat', frozen: false });
    const added = await register(setup);
    expect(await setup.core.ok('evidence.setNumbering', { hearingId, style: 'grouped' })).toEqual({ style: 'grouped', frozen: false });
    const register1 = await setup.core.ok('evidence.list', { hearingId });
    expect(register1.map((exhibit) => exhibit.label['zh-CN']).sort()).toEqual(['信访人证据1-1', '信访人证据1-2', '信访人证据1-3', '办理机关证据1-1'].sort());

    // The photos become a group of their own; a receipt joins the title deed's group; a letter without a group joins the last one.
    const photos = await setup.core.ok('evidence.update', { exhibitId: added[2]?.id as string, ...exhibitsOfWang[2], group: 2 });
    expect(photos).toMatchObject({ group: 2, number: 1, serial: '2-1', label: { 'zh-CN': '信访人证据2-1', en: 'Petitioner exhibit 2-1' } });
    const receipt = await setup.core.ok('evidence.add', {
      hearingId,
      submitterId: setup.people['王建平']?.id as string,
      group: 1,
      name: '契税完税凭证',
      form: 'documentary',
    });
    expect(receipt.label['zh-CN']).toBe('信访人证据1-3');
    const letter = await setup.core.ok('evidence.add', {
      hearingId,
      submitterId: setup.people['张志强']?.id as string,
      name: '临时安置费催告函',
      form: 'documentary',
    });
    expect(letter.label['zh-CN']).toBe('信访人证据2-2');
    expect(labels(await petitioners(setup))).toEqual([
      ['信访人证据1-1', '房屋所有权证'],
      ['信访人证据1-2', '房屋征收评估报告（信访人委托）'],
      ['信访人证据1-3', '契税完税凭证'],
      ['信访人证据2-1', '搬迁现场照片'],
      ['信访人证据2-2', '临时安置费催告函'],
    ]);

    // The 质证 sentence names the exhibit the same way.
    const examined = await setup.core.ok('evidence.examine', {
      exhibitId: photos.id,
      examinerId: setup.people['陈立新']?.id as string,
      authenticity: 'none',
      legality: 'none',
      relevance: 'objection',
      relevanceNote: '照片未标明拍摄时间',
    });
    expect(examined.examinations[0]?.sentence['zh-CN']).toBe('办理机关对信访人证据2-1的真实性、合法性无异议，对关联性有异议，认为照片未标明拍摄时间。');
  });

  it('renumbers within a group on a move or a removal before the hearing, and moves an exhibit into another group', async () => {
    const setup = await ready();
    const added = await register(setup);
    await setup.core.ok('evidence.setNumbering', { hearingId: setup.hearing.id, style: 'grouped' });
    await setup.core.ok('evidence.update', { exhibitId: added[2]?.id as string, ...exhibitsOfWang[2], group: 2 });

    const swapped = await setup.core.ok('evidence.move', { exhibitId: added[1]?.id as string, position: 1 });
    expect(labels(swapped.filter((exhibit) => exhibit.side === 'petitioner'))).toEqual([
      ['信访人证据1-1', '房屋征收评估报告（信访人委托）'],
      ['信访人证据1-2', '房屋所有权证'],
      ['信访人证据2-1', '搬迁现场照片'],
    ]);
    const regrouped = await setup.core.ok('evidence.move', { exhibitId: added[1]?.id as string, position: 1, group: 2 });
    expect(labels(regrouped.filter((exhibit) => exhibit.side === 'petitioner'))).toEqual([
      ['信访人证据1-1', '房屋所有权证'],
      ['信访人证据2-1', '房屋征收评估报告（信访人委托）'],
      ['信访人证据2-2', '搬迁现场照片'],
    ]);
    await setup.core.ok('evidence.remove', { exhibitId: added[1]?.id as string });
    expect(labels(await petitioners(setup))).toEqual([
      ['信访人证据1-1', '房屋所有权证'],
      ['信访人证据2-1', '搬迁现场照片'],
    ]);
  });

  it('goes back to counting through the side in the same order, and restores the groups when chosen again', async () => {
    const setup = await ready();
    const hearingId = setup.hearing.id;
    const added = await register(setup);
    await setup.core.ok('evidence.setNumbering', { hearingId, style: 'grouped' });
    await setup.core.ok('evidence.move', { exhibitId: added[0]?.id as string, position: 1, group: 2 });
    expect(labels(await petitioners(setup))).toEqual([
      ['信访人证据1-1', '房屋征收评估报告（信访人委托）'],
      ['信访人证据1-2', '搬迁现场照片'],
      ['信访人证据2-1', '房屋所有权证'],
    ]);
    await setup.core.ok('evidence.setNumbering', { hearingId, style: 'flat' });
    expect(labels(await petitioners(setup))).toEqual([
      ['信访人证据1', '房屋征收评估报告（信访人委托）'],
      ['信访人证据2', '搬迁现场照片'],
      ['信访人证据3', '房屋所有权证'],
    ]);
    // Reordered while flat, the title deed comes first; grouped again, it is back in its own group, after group 1.
    await setup.core.ok('evidence.move', { exhibitId: added[0]?.id as string, position: 1 });
    expect((await petitioners(setup)).map((exhibit) => exhibit.label['zh-CN'])).toEqual(['信访人证据1', '信访人证据2', '信访人证据3']);
    await setup.core.ok('evidence.setNumbering', { hearingId, style: 'grouped' });
    expect(labels(await petitioners(setup))).toEqual([
      ['信访人证据1-1', '房屋征收评估报告（信访人委托）'],
      ['信访人证据1-2', '搬迁现场照片'],
      ['信访人证据2-1', '房屋所有权证'],
    ]);
  });

  it('freezes numbers, groups and the style once the hearing has started; late evidence goes to the end of its group', async () => {
    const setup = await ready();
    const hearingId = setup.hearing.id;
    const added = await register(setup);
    await setup.core.ok('evidence.setNumbering', { hearingId, style: 'grouped' });
    await setup.core.ok('evidence.update', { exhibitId: added[2]?.id as string, ...exhibitsOfWang[2], group: 2 });
    await setup.core.ok('procedure.start', { hearingId });

    expect(await setup.core.ok('evidence.numbering', { hearingId })).toEqual({ style: 'grouped', frozen: true });
    expect(await refusal(setup.core, 'evidence.setNumbering', { hearingId, style: 'flat' })).toEqual({ code: 'evidence/numberingFrozen', params: {} });
    expect(await refusal(setup.core, 'evidence.move', { exhibitId: added[0]?.id, position: 2 })).toMatchObject({ code: 'evidence/frozen' });
    expect(await refusal(setup.core, 'evidence.update', { exhibitId: added[0]?.id, ...exhibitsOfWang[0], group: 2 })).toMatchObject({
      code: 'evidence/frozen',
    });
    // Correcting the details without touching the group is still allowed.
    await setup.core.ok('evidence.update', { exhibitId: added[0]?.id as string, ...exhibitsOfWang[0], notes: '原件当庭核对' });

    const late = await setup.core.ok('evidence.add', {
      hearingId,
      submitterId: setup.people['王建平']?.id as string,
      group: 1,
      name: '房屋测绘报告',
      form: 'expertOpinion',
    });
    expect(late).toMatchObject({ late: true, label: { 'zh-CN': '信访人证据1-3' } });
    expect(labels(await petitioners(setup))).toEqual([
      ['信访人证据1-1', '房屋所有权证'],
      ['信访人证据1-2', '房屋征收评估报告（信访人委托）'],
      ['信访人证据1-3', '房屋测绘报告'],
      ['信访人证据2-1', '搬迁现场照片'],
    ]);
    expect(listHearingEvents(setup.core.db, hearingId).find((event) => event.kind === 'evidence.submittedLate')?.data).toMatchObject({
      label: '信访人证据1-3',
      labelEn: 'Petitioner exhibit 1-3',
    });

    await setup.core.ok('evidence.present', { exhibitId: added[2]?.id as string });
    expect((await setup.core.ok('display.view', { hearingId })).exhibit).toMatchObject({ label: { 'zh-CN': '信访人证据2-1' }, name: '搬迁现场照片' });
    expect(listHearingEvents(setup.core.db, hearingId).find((event) => event.kind === 'evidence.presented')?.data).toMatchObject({ label: '信访人证据2-1' });
  });

  it('refuses a group that is not a whole number from 1 to 99, and an unknown style', async () => {
    const setup = await ready();
    const [deed] = await register(setup);
    for (const group of [0, 100, 1.5, '2']) {
      expect(await refusal(setup.core, 'evidence.update', { exhibitId: deed?.id, ...exhibitsOfWang[0], group })).toEqual({
        code: 'validation',
        params: { issues: [{ path: 'group', key: 'validation.exhibitGroup', params: expect.any(Object) }] },
      });
    }
    expect(await refusal(setup.core, 'evidence.setNumbering', { hearingId: setup.hearing.id, style: 'nested' })).toMatchObject({
      code: 'validation',
      params: { issues: [{ path: 'style', key: 'validation.invalidOption' }] },
    });
    expect(await setup.core.ok('evidence.numbering', { hearingId: setup.hearing.id })).toEqual({ style: 'flat', frozen: false });
  });
});
