import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateTime } from '../../../../electron/core/contract/index.js';
import { findDeliberation } from '../../../../electron/core/db/deliberation.js';
import { findHearing } from '../../../../electron/core/db/hearings.js';
import { deliberationRecordDataOf } from '../../../../electron/core/documents/deliberation-record-data.js';
import { buildDeliberationRecordDocument, type DeliberationRecordData } from '../../../../electron/core/documents/deliberation-record.js';
import { loadTemplates } from '../../../../electron/core/templates/load.js';
import { refusal, resourcesDir } from '../../support/core.js';
import { advanceTo, deliberatedHearing, dissentOfWei, voteAll } from '../../support/deliberation.js';
import { expectHouseLayout, footersOf, opened, paragraphXml, paragraphs, partsOf, styleXml } from '../../support/docx.js';
import { readyHearing, useReadyHearings, type ReadyHearing } from '../../support/hearing.js';

const petition = loadTemplates(join(resourcesDir, 'templates')).templates.find((template) => template.id === 'petition')!;
const { ready } = useReadyHearings();

describe('评议笔录 (.docx)', () => {
  let setup: ReadyHearing;
  let data: DeliberationRecordData;
  let docx: Buffer;
  let parts: Record<string, string>;
  let body: string[];

  beforeAll(async () => {
    setup = await readyHearing();
    await deliberatedHearing(setup);
    data = deliberationRecordDataOf(setup.core.db, findHearing(setup.core.db, setup.hearing.id)!, petition);
    docx = await buildDeliberationRecordDocument(data, { officeName: '南宁市青秀区信访局' });
    ({ parts, body } = opened(docx));
  });
  afterAll(() => setup.core.close());

  it('is not available before the panel has deliberated, nor while a blind ballot is still secret', async () => {
    const early = await ready();
    const input = { hearingId: early.hearing.id, kind: 'deliberationRecord' };
    expect(await refusal(early.core, 'documents.generate', input)).toMatchObject({ code: 'documents/notAvailable', params: { kind: 'deliberationRecord' } });

    await advanceTo(early, 'deliberation');
    const view = await early.core.ok('deliberation.open', { hearingId: early.hearing.id, ballot: 'blind' });
    await voteAll(early, view.requests[0]!.requestId, ['support', 'reject']);
    expect(await refusal(early.core, 'documents.generate', input)).toMatchObject({ code: 'documents/notAvailable' });
  });

  it('uses the 公文 typography: A4, the 22 × 28 grid, 小标宋 title, 仿宋 body, 黑体 and 楷体 headings', () => {
    const xml = parts['word/document.xml']!;
    expectHouseLayout(parts);
    expect(styleXml(parts['word/styles.xml']!, 'HdHeading2')).toMatch(/w:eastAsia="楷体_GB2312"/);
    const styled = (text: string) => paragraphXml(xml).find((paragraph) => paragraphs(paragraph)[0] === text)!;
    expect(styled('评议笔录')).toContain('<w:pStyle w:val="HdTitle"/>');
    expect(styled('一、逐项评议情况')).toContain('<w:pStyle w:val="HdHeading1"/>');
    expect(styled('（一）诉求1：请求按照房屋征收评估价格重新核定东葛路118号房屋的征收补偿款。')).toContain('<w:pStyle w:val="HdHeading2"/>');
    expect(parts['word/fontTable.xml']).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
  });

  it('names the matter, when and where the panel deliberated, the presiding officer, the members present, the clerk and the ballot', () => {
    const record = findDeliberation(setup.core.db, setup.hearing.id)!;
    const clock = (iso: string) => {
      const [hour, minute] = localDateTime(iso).slice(11).split(':').map(Number);
      return `${hour}时${minute}分`;
    };
    expect(body.slice(0, 11)).toEqual([
      '南宁市青秀区信访局',
      '评议笔录',
      '事由：王建平不服东城街道房屋征收补偿决定信访事项',
      '编号：青信访〔2026〕第0317号',
      `评议时间：2026年12月8日${clock(record.openedAt)}至${clock(record.closedAt!)}`,
      '评议地点：青秀区信访局三楼听证室',
      '主持人：刘明远',
      '参加评议的听证员：黄志刚（青秀区人大常委会）、梁秀英（青秀区政协）、韦建国（广西邕江律师事务所）、覃丽华（广西大学法学院）、陆海峰（东城街道东葛社区）',
      '记录员：赵敏',
      '评议方式：表决',
      '表决方式：背靠背表决（全部表决后揭晓）',
    ]);
  });

  it('records, per request, every member’s vote with reasons, the tally, the majority outcome and the dissent word for word', () => {
    const first = body.indexOf('（一）诉求1：请求按照房屋征收评估价格重新核定东葛路118号房屋的征收补偿款。');
    expect(body.slice(first + 1, first + 10)).toEqual([
      '黄志刚：予以支持。理由：评估程序存在瑕疵，应予重新核定。',
      '梁秀英：予以支持。理由：评估程序存在瑕疵，应予重新核定。',
      `韦建国：不予支持。理由：${dissentOfWei}`,
      '覃丽华：予以支持。理由：评估程序存在瑕疵，应予重新核定。',
      '陆海峰：不予支持。理由：处理意见符合规定。',
      '表决结果：予以支持3票，作出解释说明0票，不予支持2票。',
      '评议意见：按多数意见，予以支持。',
      `少数意见（韦建国，不予支持）：${dissentOfWei}`,
      '少数意见（陆海峰，不予支持）：处理意见符合规定。',
    ]);
    // Word for word in the XML itself, in one run: quotation marks and all.
    expect(parts['word/document.xml']).toContain(`<w:t xml:space="preserve">${dissentOfWei}</w:t>`);
    const third = body.indexOf('（三）诉求3：请求撤销东城街道对其作出的信访事项处理意见。');
    expect(body.slice(third + 6, third + 9)).toEqual([
      '表决结果：予以支持0票，作出解释说明0票，不予支持5票。',
      '评议意见：按多数意见，不予支持。',
      '少数意见：无。',
    ]);
    expect(body).toContain('总体评议意见：部分支持。');
  });

  it('records the chair’s decision of a tie with reasons, and why the session closed with votes missing', async () => {
    const tied = await ready();
    const hearingId = tied.hearing.id;
    await advanceTo(tied, 'deliberation');
    const view = await tied.core.ok('deliberation.open', { hearingId, ballot: 'open' });
    await tied.core.ok('attendance.markLeft', { participantId: tied.people['陆海峰']!.id });
    const [first, second, third] = view.requests.map((request) => request.requestId) as [string, string, string];
    await voteAll(tied, first, ['support', 'reject', 'support', 'reject']);
    await voteAll(tied, second, ['support', 'support', 'support', 'support']);
    await voteAll(tied, third, ['reject', 'reject', 'reject', 'reject']);
    await tied.core.ok('deliberation.close', { hearingId, reason: '陆海峰中途离席，未能投票' });
    await tied.core.ok('deliberation.decideTie', { hearingId, requestId: first, outcome: 'support', reason: '房产证与评估报告面积不一致，应予重新核定' });

    const generated = await tied.core.ok('documents.generate', { hearingId, kind: 'deliberationRecord' });
    const text = paragraphs(partsOf(Buffer.from(generated.base64, 'base64'))['word/document.xml']!);
    expect(text).toContain('表决方式：公开表决');
    expect(text).toContain('陆海峰：未表决。');
    expect(text).toContain('表决结果：予以支持2票，作出解释说明0票，不予支持2票。');
    expect(text).toContain('评议意见：表决未形成多数意见，主持人决定予以支持。理由：房产证与评估报告面积不一致，应予重新核定');
    expect(text).toContain('结束评议时尚有3项未完成，原因：陆海峰中途离席，未能投票');
    expect(text).toContain('总体评议意见：部分支持。');
  });

  it('records the 听证员代表’s statement where the panel discusses (检察), and each report where it reports (价格)', async () => {
    const discussion = paragraphs(
      partsOf(
        await buildDeliberationRecordDocument({
          ...data,
          mode: 'discussion',
          representative: { name: '黄志刚', statement: '听证员多数认为应当重新核定补偿款。' },
          finalDecision: { outcome: 'reject', reason: '经检察委员会讨论，评估程序并无瑕疵' },
        }),
      )['word/document.xml']!,
    );
    expect(discussion).toContain('评议方式：讨论后由听证员代表发表意见');
    expect(discussion).toContain('二、听证员代表意见');
    expect(discussion).toContain('听证员代表黄志刚发表意见：听证员多数认为应当重新核定补偿款。');
    expect(discussion).toContain('评议结论：不予支持。');
    expect(discussion).toContain('未采纳多数意见的理由：经检察委员会讨论，评估程序并无瑕疵');

    const report = paragraphs(
      partsOf(
        await buildDeliberationRecordDocument({
          ...data,
          mode: 'report',
          requests: [],
          reports: [
            { member: '黄志刚', text: '对定价成本监审结论的意见：……' },
            { member: '梁秀英', text: null },
          ],
          missingVotes: 1,
          closeReason: '梁秀英会后提交书面报告',
          conclusion: null,
        }),
      )['word/document.xml']!,
    );
    expect(report).toContain('评议方式：听证人分别出具书面报告');
    expect(report.some((paragraph) => paragraph.startsWith('表决方式'))).toBe(false);
    expect(report).toContain('一、听证人书面报告');
    expect(report).toContain('黄志刚：对定价成本监审结论的意见：……');
    expect(report).toContain('梁秀英：未提交书面报告。');
    expect(report).toContain('结束评议时尚有1项未完成，原因：梁秀英会后提交书面报告');
    expect(report.some((paragraph) => paragraph.startsWith('总体评议意见'))).toBe(false);
  });

  it('ends with a blank signature line for each member and the clerk, kept together on the last page', () => {
    expect(body.slice(-7)).toEqual([
      '参加评议人员签名：',
      '听证员黄志刚　签名：__________　日期：　　年　　月　　日',
      '听证员梁秀英　签名：__________　日期：　　年　　月　　日',
      '听证员韦建国　签名：__________　日期：　　年　　月　　日',
      '听证员覃丽华　签名：__________　日期：　　年　　月　　日',
      '听证员陆海峰　签名：__________　日期：　　年　　月　　日',
      '记录员赵敏　签名：__________　日期：　　年　　月　　日',
    ]);
    const tail = paragraphXml(parts['word/document.xml']!).slice(-7);
    expect(tail.slice(0, -1).every((paragraph) => paragraph.includes('<w:keepNext/>'))).toBe(true);
    // A form, not a 公文: 第 X 页 共 Y 页 on every page.
    const footers = footersOf(parts);
    expect(Object.keys(footers)).toEqual(['default']);
    expect(footers.default).toMatch(/PAGE<\/w:instrText>[\s\S]*NUMPAGES<\/w:instrText>/);
  });

  it('has English labels for the same record', async () => {
    const english = paragraphs(partsOf(await buildDeliberationRecordDocument(data, { language: 'en' }))['word/document.xml']!);
    expect(english[0]).toBe('Deliberation Record');
    expect(english).toContain('Ballot: blind (revealed once all have voted)');
    expect(english).toContain(`韦建国: Not supported. Reasons: ${dissentOfWei}`);
    expect(english).toContain('Tally: Supported 3, Explanation given 0, Not supported 2.');
    expect(english).toContain(`Dissent (韦建国, Not supported): ${dissentOfWei}`);
    expect(english).toContain('Overall opinion: Partly supported.');
    expect(english.at(-1)).toBe('Clerk 赵敏 signature: __________ date: ________');
  });

  it('gives the same bytes for the same deliberation', async () => {
    const again = await buildDeliberationRecordDocument(deliberationRecordDataOf(setup.core.db, findHearing(setup.core.db, setup.hearing.id)!, petition), {
      officeName: '南宁市青秀区信访局',
    });
    expect(again.equals(docx)).toBe(true);
    expect(parts['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-12-08T00:00:00Z</dcterms:created>');
    const other = await buildDeliberationRecordDocument({ ...data, closeReason: '—' }, { officeName: '南宁市青秀区信访局' });
    expect(other.equals(docx)).toBe(false);
  });

  it('is handed out by documents.generate under its own name, with the dissent in it', async () => {
    const first = await setup.core.ok('documents.generate', { hearingId: setup.hearing.id, kind: 'deliberationRecord' });
    expect(first.fileName).toBe(`${setup.hearing.title}-评议笔录.docx`);
    const bytes = Buffer.from(first.base64, 'base64');
    expect(bytes.equals(docx)).toBe(true);
    expect(partsOf(bytes)['word/document.xml']).toContain(dissentOfWei);
    expect((await setup.core.ok('documents.generate', { hearingId: setup.hearing.id, kind: 'deliberationRecord' })).sha256).toBe(first.sha256);
    const english = await setup.core.ok('documents.generate', { hearingId: setup.hearing.id, kind: 'deliberationRecord', language: 'en' });
    expect(english.fileName).toBe(`${setup.hearing.title}-deliberation-record.docx`);
  });
});
