import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatClock, localDateTime } from '../../../../electron/core/contract/index.js';
import { findHearing } from '../../../../electron/core/db/hearings.js';
import { listSteps } from '../../../../electron/core/db/procedure.js';
import { reportDataOf } from '../../../../electron/core/documents/report-data.js';
import { buildReportDocument, type ReportData } from '../../../../electron/core/documents/report.js';
import { loadTemplates } from '../../../../electron/core/templates/load.js';
import { cast } from '../../../fixtures/people.js';
import { resourcesDir } from '../../support/core.js';
import { deliberatedHearing, dissentOfWei } from '../../support/deliberation.js';
import { expectHouseLayout, footersOf, opened, paragraphXml, paragraphs, partsOf } from '../../support/docx.js';
import { readyHearing, useReadyHearings, type ReadyHearing } from '../../support/hearing.js';

const petition = loadTemplates(join(resourcesDir, 'templates')).templates.find((template) => template.id === 'petition')!;
const { ready } = useReadyHearings();

const headings = ['一、案由', '二、听证参加人', '三、听证时间、地点和方式', '四、听证经过', '五、听证员意见', '六、满意度'];

/** The paragraphs from one heading up to the next; the last section ends before the 落款's two lines. */
function section(body: readonly string[], heading: string): string[] {
  const from = body.indexOf(heading);
  expect(from, heading).toBeGreaterThan(0);
  const next = body.findIndex((paragraph, index) => index > from && headings.includes(paragraph));
  return body.slice(from + 1, next < 0 ? -2 : next);
}

async function textOf(data: ReportData): Promise<string[]> {
  return paragraphs(partsOf(await buildReportDocument(data))['word/document.xml']!);
}

describe('听证报告 (.docx)', () => {
  let setup: ReadyHearing;
  let data: ReportData;
  let docx: Buffer;
  let parts: Record<string, string>;
  let body: string[];

  beforeAll(async () => {
    setup = await readyHearing();
    await deliberatedHearing(setup);
    data = reportDataOf(setup.core.db, findHearing(setup.core.db, setup.hearing.id)!, petition);
    docx = await buildReportDocument(data);
    ({ parts, body } = opened(docx));
  });
  afterAll(() => setup.core.close());

  it('is laid out as a 公文: 小标宋 title, 仿宋 body, the six headings in 黑体, in order', () => {
    const xml = parts['word/document.xml']!;
    expectHouseLayout(parts);

    expect(body[0]).toBe('关于王建平不服东城街道房屋征收补偿决定信访事项的听证报告');
    expect(body[1]).toBe(
      '根据《信访工作条例》第三十一条、第三十二条，南宁市青秀区信访局于2026年12月8日就王建平不服东城街道房屋征收补偿决定信访事项公开举行听证。现将听证情况报告如下：',
    );
    const xmlParagraphs = paragraphXml(xml);
    expect(xmlParagraphs[0]).toContain('<w:pStyle w:val="HdTitle"/>');
    const headed = xmlParagraphs.filter((paragraph) => paragraph.includes('<w:pStyle w:val="HdHeading1"/>')).map((paragraph) => paragraphs(paragraph)[0]);
    expect(headed).toEqual(headings);
  });

  it('numbers its pages "— 1 —" in 宋体, odd pages right and even pages left', () => {
    expect(parts['word/settings.xml']).toMatch(/<w:evenAndOddHeaders(?! w:val="false")/);
    const footers = footersOf(parts);
    expect(Object.keys(footers).sort()).toEqual(['default', 'even']);
    for (const footer of Object.values(footers)) {
      expect(footer).toMatch(/<w:t xml:space="preserve">— <\/w:t>[\s\S]*PAGE<\/w:instrText>[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/);
      const font = footer.match(/<w:rFonts [^>]*\/>/)![0];
      expect(font).toContain('w:ascii="宋体"');
      expect(font).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:pStyle w:val="HdFooter"/>');
    }
    expect(footers.default).toContain('<w:jc w:val="right"/>');
    expect(footers.default).toMatch(/<w:ind w:right="280"\/>/);
    expect(footers.even).toContain('<w:jc w:val="left"/>');
    expect(footers.even).toMatch(/<w:ind w:left="280"\/>/);
  });

  it('一、案由: the matter, its number and each request', () => {
    expect(section(body, '一、案由')).toEqual([
      '王建平不服东城街道房屋征收补偿决定信访事项（编号：青信访〔2026〕第0317号）。',
      '信访人提出以下诉求：',
      '1. 请求按照房屋征收评估价格重新核定东葛路118号房屋的征收补偿款。',
      '2. 请求补发搬迁期间的临时安置费。',
      '3. 请求撤销东城街道对其作出的信访事项处理意见。',
    ]);
  });

  it('二、听证参加人: names, units and roles, and not one ID number, phone number or address', () => {
    expect(section(body, '二、听证参加人')).toEqual([
      '主持人：刘明远（南宁市青秀区信访局副局长）。',
      '听证员：黄志刚（青秀区人大常委会区人大代表）、梁秀英（青秀区政协区政协委员）、韦建国（广西邕江律师事务所律师）、覃丽华（广西大学法学院副教授）、陆海峰（东城街道东葛社区社区居民代表）。',
      '记录员：赵敏（南宁市青秀区信访局科员）。',
      '信访人：王建平。',
      '信访人代表：李秀英、张德明、陈桂兰。',
      '委托代理人：张志强（广西法正律师事务所律师）。',
      '办理机关：青秀区住房和城乡建设局；出席人员：陈立新（副局长）、莫晓东（青秀区房屋征收办公室科长）。',
    ]);
    const xml = Object.values(parts).join('\n');
    for (const person of [cast.petitioner, ...cast.representatives]) {
      expect(xml).not.toContain(person.idNumber);
      expect(xml).not.toContain(person.phone);
    }
    expect(xml).not.toContain(cast.petitioner.address);
    expect(xml).not.toMatch(/\d{17}[\dX]/);
    expect(xml).not.toMatch(/1[3-9]\d{9}/);
    expect(xml).not.toMatch(/身份证|电话|住址/);
  });

  it('三、听证时间、地点和方式: the sitting’s times, the venue, and whether it was public — with the reason when not', async () => {
    const steps = listSteps(setup.core.db, setup.hearing.id);
    const clock = (iso: string | null) => {
      const [hour, minute] = localDateTime(iso!).slice(11).split(':').map(Number);
      return `${hour}时${minute}分`;
    };
    const ended = steps.map((step) => step.endedAt).filter((at) => at !== null);
    expect(section(body, '三、听证时间、地点和方式')).toEqual([
      `时间：2026年12月8日${clock(steps[0]!.startedAt)}至${clock(ended.at(-1)!)}。`,
      '地点：青秀区信访局三楼听证室。',
      '方式：公开听证。',
    ]);
    expect(await textOf({ ...data, isPublic: false, nonPublicReason: '涉及个人隐私' })).toContain('方式：不公开听证，理由：涉及个人隐私。');
  });

  it('四、听证经过: each step held with its times, a skipped step with its reason, and the exhibits per party with the findings', () => {
    const course = section(body, '四、听证经过');
    const steps = listSteps(setup.core.db, setup.hearing.id);
    const held = steps.find((step) => step.type === 'discipline')!;
    expect(course[0]).toBe(`${formatClock(localDateTime(steps[0]!.startedAt!), 'zh-CN')}至${formatClock(localDateTime(steps[0]!.endedAt!), 'zh-CN')}，签到。`);
    expect(course).toContain(`${formatClock(localDateTime(held.startedAt!), 'zh-CN')}至${formatClock(localDateTime(held.endedAt!), 'zh-CN')}，宣布听证纪律。`);
    expect(course).toContain('辩论：未进行，理由：双方争议焦点已在质证中充分陈述。');
    // Steps not reached are not reported as held.
    expect(course.some((paragraph) => paragraph.includes('宣布听证结束'))).toBe(false);
    expect(course.slice(-2)).toEqual([
      '信访人提交证据2份，经质证，采信1份，不采信1份，部分采信0份。',
      '办理机关提交证据1份，经质证，采信0份，不采信0份，部分采信1份。',
    ]);
  });

  it('五、听证员意见: the conclusion per request and overall, as announced — never a vote, a reason given in deliberation or the dissent', () => {
    expect(section(body, '五、听证员意见')).toEqual([
      '诉求1“请求按照房屋征收评估价格重新核定东葛路118号房屋的征收补偿款”：予以支持。',
      '诉求2“请求补发搬迁期间的临时安置费”：予以支持。',
      '诉求3“请求撤销东城街道对其作出的信访事项处理意见”：不予支持。',
      '总体意见：部分支持。',
      '以上意见已于2026年12月8日当场宣布。',
    ]);
    const xml = parts['word/document.xml']!;
    expect(xml).not.toContain(dissentOfWei);
    expect(xml).not.toContain('评估程序存在瑕疵');
    expect(xml).not.toContain('处理意见符合规定');
    expect(xml).not.toMatch(/\d票|少数意见|表决/);
  });

  it('六、满意度: the rating recorded, a refusal to rate, or that none was recorded', async () => {
    expect(section(body, '六、满意度')).toEqual(['信访人对听证结论的满意度评价为：基本满意。', '信访人表示接受听证结论。']);
    const declined = await textOf({ ...data, satisfaction: { state: 'declined', enteredBy: 'staff', acceptsConclusion: 'undecided' } });
    expect(section(declined, '六、满意度')).toEqual(['信访人拒绝作出满意度评价。（由工作人员根据其意见代为录入）', '信访人对是否接受听证结论未表态。']);
    const unhappy = await textOf({
      ...data,
      satisfaction: {
        state: 'rated',
        rating: { 'zh-CN': '不满意', en: 'Dissatisfied' },
        reason: '补偿款未按市场价核定',
        enteredBy: 'petitioner',
        acceptsConclusion: 'no',
      },
    });
    expect(section(unhappy, '六、满意度')).toEqual(['信访人对听证结论的满意度评价为：不满意。', '理由：补偿款未按市场价核定', '信访人表示不接受听证结论。']);
    expect(section(await textOf({ ...data, satisfaction: { state: 'notRecorded' } }), '六、满意度')).toEqual(['未记录满意度评价。']);
  });

  it('closes with the organizer centred over the date, four characters in from the right', () => {
    expect(body.slice(-2)).toEqual(['南宁市青秀区信访局', '2026年12月8日']);
    const [organizer, date] = paragraphXml(parts['word/document.xml']!).slice(-2) as [string, string];
    expect(date).toContain('<w:jc w:val="right"/>');
    expect(date).toMatch(/<w:ind w:right="1264"\/>/);
    expect(organizer).toContain('<w:jc w:val="right"/>');
    // 9 characters over a date 6½ wide: 1¼ characters less than the date's 4.
    expect(organizer).toMatch(/<w:ind w:right="869"\/>/);
  });

  it('has English labels for the same report', async () => {
    const english = paragraphs(partsOf(await buildReportDocument(data, { language: 'en' }))['word/document.xml']!);
    expect(english[0]).toBe('Report on the Hearing: 王建平不服东城街道房屋征收补偿决定信访事项');
    expect(english).toContain('5. The panel’s opinion');
    expect(english).toContain('Overall: Partly supported.');
    expect(english).toContain('Petitioner: 2 exhibits; after examination 1 admitted, 1 rejected, 0 partly admitted.');
    expect(english).toContain('Handling agency: 1 exhibit; after examination 0 admitted, 0 rejected, 1 partly admitted.');
    expect(english).toContain('The petitioner rated the handling: Basically satisfied.');
    expect(english.at(-1)).toBe('8 December 2026');
  });

  it('gives the same bytes for the same hearing', async () => {
    const again = await buildReportDocument(reportDataOf(setup.core.db, findHearing(setup.core.db, setup.hearing.id)!, petition));
    expect(again.equals(docx)).toBe(true);
    expect(parts['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-12-08T00:00:00Z</dcterms:created>');
    expect((await buildReportDocument({ ...data, venue: '青秀区信访局二楼调解室' })).equals(docx)).toBe(false);
  });

  it('is handed out by documents.generate; neither it nor the parties’ 听证笔录 of the same hearing carries the dissent', async () => {
    const report = await setup.core.ok('documents.generate', { hearingId: setup.hearing.id, kind: 'report' });
    expect(report.fileName).toBe(`${setup.hearing.title}-听证报告.docx`);
    expect(Buffer.from(report.base64, 'base64').equals(docx)).toBe(true);

    const record = await setup.core.ok('documents.generate', { hearingId: setup.hearing.id, kind: 'record' });
    const recordXml = partsOf(Buffer.from(record.base64, 'base64'))['word/document.xml']!;
    // The record has the announcement, so it is the right hearing's record, and none of the deliberation behind it.
    expect(recordXml).toContain('总体意见为部分支持');
    expect(recordXml).not.toContain(dissentOfWei);
    expect(recordXml).not.toContain('评估程序存在瑕疵');
  });

  it('reports a hearing the panel has not yet deliberated on, without conclusions or a rating', async () => {
    const early = await ready();
    const generated = await early.core.ok('documents.generate', { hearingId: early.hearing.id, kind: 'report', language: 'zh-CN' });
    const text = paragraphs(partsOf(Buffer.from(generated.base64, 'base64'))['word/document.xml']!);
    expect(section(text, '四、听证经过')).toEqual(['各方均未提交证据。']);
    expect(section(text, '五、听证员意见')).toEqual(['听证员尚未评议。']);
    expect(section(text, '六、满意度')).toEqual(['未记录满意度评价。']);
  });
});
