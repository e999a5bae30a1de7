import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GeneratedWorkbook, Language, StatisticsKind } from '../../../electron/core/contract/index.js';
import { officeYearCoreHost, officeYearToday, planOfficeYear, seedOfficeYear, type HearingPlan } from '../../fixtures/office-year.js';
import { fixedClock, openTestCore, resourcesDir, type TestCore } from '../support/core.js';

/** Thirty hearings of the same city's year, one of them sealed: the 台账 and the statistics as the office downloads them. */
const plans = planOfficeYear(resourcesDir, { count: 30, seed: 7301, finalized: 1 });
const clock = fixedClock('2025-12-15T01:00:00.000Z');
let core: TestCore;

beforeAll(async () => {
  core = openTestCore(undefined, clock);
  await seedOfficeYear(officeYearCoreHost(core, clock), plans);
}, 120_000);

afterAll(() => core?.close());

async function exported(kind: StatisticsKind, language: Language = 'zh-CN', filter = {}): Promise<{ file: GeneratedWorkbook; workbook: ExcelJS.Workbook }> {
  const file = await core.ok('statistics.exportXlsx', { filter, kind, language });
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own ArrayBuffer-like "Buffer"; a plain copy of the bytes satisfies it.
  const bytes = Buffer.from(file.base64, 'base64');
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return { file, workbook };
}

const dateCell = (date: string) => new Date(`${date}T00:00:00.000Z`);

function rowOf(sheet: ExcelJS.Worksheet, matterNo: string): ExcelJS.Row {
  for (let number = 3; number <= sheet.rowCount; number++) if (sheet.getRow(number).getCell(2).value === matterNo) return sheet.getRow(number);
  throw new Error(`${matterNo} is not in the ledger`);
}

describe('the 台账 (ledger) as .xlsx', () => {
  it('has a title, the office’s columns frozen under it, and one row per hearing', async () => {
    const { file, workbook } = await exported('ledger');
    expect(file.fileName).toBe(`听证台账-${officeYearToday}.xlsx`);
    expect(file.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = workbook.getWorksheet('台账') as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').value).toBe(`听证台账（截至${officeYearToday}，共30件）`);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '序号',
      '事项编号/案号',
      '事项名称',
      '听证类型',
      '层级',
      '组织机关',
      '办理机关',
      '申请日期',
      '听证日期',
      '地点',
      '公开与否',
      '状态',
      '听证员人数',
      '评议结论',
      '满意度',
      '是否息诉罢访',
      '定稿日期',
      '是否按期',
    ]);
    expect(sheet.rowCount).toBe(2 + plans.length);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getColumn(3).width).toBe(44);
    expect([3, 4, 5].map((number) => sheet.getRow(number).getCell(1).value)).toEqual([1, 2, 3]);
  });

  it('writes the sealed hearing’s row with real dates, its conclusion and its answers', async () => {
    const { workbook } = await exported('ledger');
    const sheet = workbook.getWorksheet('台账') as ExcelJS.Worksheet;
    const sealed = plans.find((plan) => plan.fate === 'finalized') as HearingPlan;
    const sittingDate = sealed.input.plannedStart.slice(0, 10);
    const row = rowOf(sheet, sealed.input.matterNo);
    expect(row.getCell(3).value).toBe(sealed.input.title);
    expect(row.getCell(4).value).toBe('信访听证');
    expect(row.getCell(6).value).toBe(sealed.input.organizer);
    expect(row.getCell(8).value).toEqual(sealed.input.applicationDate ? dateCell(sealed.input.applicationDate) : null);
    expect(row.getCell(9).value).toEqual(dateCell(sittingDate));
    expect(row.getCell(9).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(12).value).toBe('已归档');
    expect(row.getCell(13).value).toBe(5);
    // The five members' votes on the 王建平 flow: every request 作出解释说明.
    expect(row.getCell(14).value).toBe('作出解释说明');
    const finalizedOn = new Date(Date.parse(`${sittingDate}T00:00:00.000Z`) + (sealed.daysToFinal as number) * 86_400_000);
    expect(row.getCell(17).value).toEqual(finalizedOn);
    expect(row.getCell(18).value).toBe({ onTime: '按期', late: '逾期', open: '未到期', noDeadline: null }[sealed.onTime]);
  });

  it('answers a hearing in preparation with blanks where nothing has happened yet', async () => {
    const { workbook } = await exported('ledger');
    const sheet = workbook.getWorksheet('台账') as ExcelJS.Worksheet;
    const waiting = plans.find((plan) => plan.fate === 'preparing') as HearingPlan;
    const row = rowOf(sheet, waiting.input.matterNo);
    expect(row.getCell(9).value).toEqual(dateCell(waiting.input.plannedStart.slice(0, 10)));
    expect(row.getCell(12).value).toBe('筹备中');
    expect([14, 15, 16, 17].map((column) => row.getCell(column).value)).toEqual([null, null, null, null]);
  });

  it('has English headers in English', async () => {
    const { file, workbook } = await exported('ledger', 'en');
    expect(file.fileName).toBe(`hearing-ledger-${officeYearToday}.xlsx`);
    const sheet = workbook.getWorksheet('Ledger') as ExcelJS.Worksheet;
    expect(sheet.getRow(2).getCell(2).value).toBe('Matter no.');
    expect(sheet.getRow(2).getCell(16).value).toBe('Accepts, ends petition');
    expect(rowOf(sheet, (plans[0] as HearingPlan).input.matterNo).getCell(4).value).not.toMatch(/听证/);
  });

  it('lists only the hearings the filter selects', async () => {
    const { workbook } = await exported('ledger', 'zh-CN', { templateIds: ['petition'] });
    const sheet = workbook.getWorksheet('台账') as ExcelJS.Worksheet;
    expect(sheet.rowCount - 2).toBe(plans.filter((plan) => plan.input.templateId === 'petition').length);
  });

  it('gives the same bytes for the same data, whatever the time of the download', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2027-01-04T03:00:00Z'));
      const first = await core.ok('statistics.exportXlsx', { filter: {}, kind: 'ledger', language: 'zh-CN' });
      vi.setSystemTime(new Date('2027-02-09T17:41:13Z'));
      const second = await core.ok('statistics.exportXlsx', { filter: {}, kind: 'ledger', language: 'zh-CN' });
      const statistics = await core.ok('statistics.exportXlsx', { filter: {}, kind: 'statistics', language: 'zh-CN' });
      vi.setSystemTime(new Date('2027-03-01T08:00:00Z'));
      expect(second.sha256).toBe(first.sha256);
      expect(second.base64).toBe(first.base64);
      expect((await core.ok('statistics.exportXlsx', { filter: {}, kind: 'statistics', language: 'zh-CN' })).sha256).toBe(statistics.sha256);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the statistics as .xlsx', () => {
  it('has one sheet per figure family, each with its rate’s two counts', async () => {
    const figures = await core.ok('statistics.compute', { filter: {} });
    const { file, workbook } = await exported('statistics');
    expect(file.fileName).toBe(`听证统计-${officeYearToday}.xlsx`);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '概况',
      '按月',
      '评议结论',
      '满意度',
      '息诉罢访',
      '环节用时',
      '发言时间',
      '定稿用时',
      '按期举行',
    ]);
    const summary = workbook.getWorksheet('概况') as ExcelJS.Worksheet;
    expect(summary.getRow(3).values).toEqual([undefined, '听证总数', 30]);
    const satisfied = figures.satisfaction.satisfied;
    expect(summary.getRow(4).values).toEqual([
      undefined,
      '满意率（满意＋基本满意／已评价）',
      satisfied.numerator,
      satisfied.denominator,
      satisfied.denominator === 0 ? '—' : Math.round((satisfied.numerator / satisfied.denominator) * 10_000) / 10_000,
    ]);
    const perMonth = workbook.getWorksheet('按月') as ExcelJS.Worksheet;
    expect(perMonth.rowCount - 2).toBe(figures.perMonth.length);
    const steps = workbook.getWorksheet('环节用时') as ExcelJS.Worksheet;
    const partyStatement = figures.steps.find((step) => step.type === 'partyStatement');
    expect(steps.getRow(2).values).toEqual([undefined, '环节', '进行次数', '跳过次数', '计划（分钟）', '实际（分钟）', '差额（分钟）']);
    const row = steps.getRows(3, steps.rowCount - 2)?.find((candidate) => candidate.getCell(1).value === '当事人陈述');
    expect(row?.getCell(4).value).toBe(partyStatement?.plannedMinutes);
    expect(row?.getCell(5).value).toBe(Math.round((partyStatement?.actualMs ?? 0) / 6000) / 10);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('writes — where a rate has nothing to count', async () => {
    const { workbook } = await exported('statistics', 'en', { templateIds: ['pricing'] });
    const summary = workbook.getWorksheet('Summary') as ExcelJS.Worksheet;
    expect(summary.getRow(4).values).toEqual([undefined, 'Satisfaction rate (satisfied + basically satisfied / rated)', 0, 0, '—']);
  });
});
