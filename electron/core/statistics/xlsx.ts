import ExcelJS from 'exceljs';
import type { Language, Ratio, StatisticsFigures } from '../contract/index.js';
import { fixZipTimestamps } from '../documents/pack.js';
import type { LedgerRow } from './ledger.js';

type Cell = string | number | Date | null;

interface Column {
  header: string;
  width: number;
  /** Dates are written as real dates, shown as 2026-03-05. */
  date?: boolean;
}

const labels = {
  'zh-CN': {
    ledgerTitle: (asOf: string, count: number) => `听证台账（截至${asOf}，共${count}件）`,
    ledgerSheet: '台账',
    ledger: {
      number: '序号',
      matterNo: '事项编号/案号',
      title: '事项名称',
      type: '听证类型',
      stage: '层级',
      organizer: '组织机关',
      agency: '办理机关',
      applicationDate: '申请日期',
      hearingDate: '听证日期',
      venue: '地点',
      publicity: '公开与否',
      status: '状态',
      panelMembers: '听证员人数',
      conclusion: '评议结论',
      satisfaction: '满意度',
      acceptance: '是否息诉罢访',
      finalizedOn: '定稿日期',
      onTime: '是否按期',
    } satisfies Record<keyof LedgerRow, string>,
    sheetTitle: (name: string, asOf: string, count: number) => `${name}（截至${asOf}，共${count}件听证）`,
    summary: '概况',
    figure: '指标',
    numerator: '分子',
    denominator: '分母',
    rate: '比率',
    hearings: '听证总数',
    satisfactionRate: '满意率（满意＋基本满意／已评价）',
    acceptanceRate: '息诉罢访率（接受结论／已询问）',
    onTimeRate: '按期举行率（按期／按期＋逾期）',
    daysToFinal: '平均定稿天数（天数合计／已定稿）',
    perMonth: '按月',
    month: '月份',
    total: '合计',
    outcomes: '评议结论',
    type: '听证类型',
    outcome: '结论',
    requests: '诉求数',
    undecided: '未决',
    satisfaction: '满意度',
    level: '评价',
    count: '件数',
    countsAsSatisfied: '计入满意',
    yes: '是',
    no: '否',
    declined: '拒绝评价',
    acceptance: '息诉罢访',
    answer: '答复',
    accepted: '接受结论（息诉罢访）',
    refused: '不接受',
    undecidedAnswer: '未表态',
    steps: '环节用时',
    step: '环节',
    held: '进行次数',
    skipped: '跳过次数',
    planned: '计划（分钟）',
    actual: '实际（分钟）',
    difference: '差额（分钟）',
    speaking: '发言时间',
    side: '发言方',
    turns: '发言次数',
    minutes: '时长（分钟）',
    toFinal: '定稿用时',
    finalized: '已定稿听证',
    totalDays: '天数合计',
    minDays: '最短（天）',
    maxDays: '最长（天）',
    onTime: '按期举行',
    status: '情况',
    kept: '按期',
    late: '逾期',
    open: '未到期',
    noDeadline: '无申请日期',
    fileLedger: '听证台账',
    fileStatistics: '听证统计',
  },
  en: {
    ledgerTitle: (asOf: string, count: number) => `Hearing ledger (as of ${asOf}, ${count} hearings)`,
    ledgerSheet: 'Ledger',
    ledger: {
      number: 'No.',
      matterNo: 'Matter no.',
      title: 'Matter',
      type: 'Hearing type',
      stage: 'Level',
      organizer: 'Organizing body',
      agency: 'Handling agency',
      applicationDate: 'Application date',
      hearingDate: 'Hearing date',
      venue: 'Venue',
      publicity: 'Public',
      status: 'Status',
      panelMembers: 'Panel members',
      conclusion: 'Conclusion',
      satisfaction: 'Satisfaction',
      acceptance: 'Accepts, ends petition',
      finalizedOn: 'Finalized on',
      onTime: 'On time',
    } satisfies Record<keyof LedgerRow, string>,
    sheetTitle: (name: string, asOf: string, count: number) => `${name} (as of ${asOf}, ${count} hearings)`,
    summary: 'Summary',
    figure: 'Figure',
    numerator: 'Numerator',
    denominator: 'Denominator',
    rate: 'Rate',
    hearings: 'Hearings',
    satisfactionRate: 'Satisfaction rate (satisfied + basically satisfied / rated)',
    acceptanceRate: 'Acceptance rate (accept the conclusion / asked)',
    onTimeRate: 'Held on time (on time / on time + late)',
    daysToFinal: 'Average days to finalized record (total days / finalized)',
    perMonth: 'By month',
    month: 'Month',
    total: 'Total',
    outcomes: 'Outcomes',
    type: 'Hearing type',
    outcome: 'Outcome',
    requests: 'Requests',
    undecided: 'Undecided',
    satisfaction: 'Satisfaction',
    level: 'Rating',
    count: 'Count',
    countsAsSatisfied: 'Counts as satisfied',
    yes: 'Yes',
    no: 'No',
    declined: 'Declined to rate',
    acceptance: 'Acceptance',
    answer: 'Answer',
    accepted: 'Accepts the conclusion (ends the petition)',
    refused: 'Does not accept',
    undecidedAnswer: 'Undecided',
    steps: 'Step times',
    step: 'Step',
    held: 'Held',
    skipped: 'Skipped',
    planned: 'Planned (minutes)',
    actual: 'Actual (minutes)',
    difference: 'Difference (minutes)',
    speaking: 'Speaking time',
    side: 'Side',
    turns: 'Turns',
    minutes: 'Minutes',
    toFinal: 'To finalized',
    finalized: 'Finalized hearings',
    totalDays: 'Total days',
    minDays: 'Shortest (days)',
    maxDays: 'Longest (days)',
    onTime: 'On time',
    status: 'Status',
    kept: 'On time',
    late: 'Late',
    open: 'Not yet due',
    noDeadline: 'No application date',
    fileLedger: 'hearing-ledger',
    fileStatistics: 'hearing-statistics',
  },
} as const;

type Labels = (typeof labels)[Language];

/** A local date 'YYYY-MM-DD' as the spreadsheet's date: exceljs counts days in UTC, so midnight UTC is that very day. */
function excelDate(date: string | null): Date | null {
  return date ? new Date(`${date}T00:00:00.000Z`) : null;
}

const minutesOf = (ms: number) => Math.round(ms / 6000) / 10;

/** A rate to two decimals, or blank (shown as —) where nothing was counted. */
function rateOf({ numerator, denominator }: Ratio): number | string {
  return denominator === 0 ? '—' : Math.round((numerator / denominator) * 10_000) / 10_000;
}

/** A sheet of one table: a title across the columns, the header row frozen under it, then the rows. */
function addTable(workbook: ExcelJS.Workbook, name: string, title: string, columns: readonly Column[], rows: readonly Cell[][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = columns.map((column) => ({ width: column.width, ...(column.date ? { style: { numFmt: 'yyyy-mm-dd' } } : {}) }));
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getRow(1).height = 24;
  if (columns.length > 1) sheet.mergeCells(1, 1, 1, columns.length);
  const header = sheet.getRow(2);
  header.values = columns.map((column) => column.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const row of rows) sheet.addRow(row);
  return sheet;
}

function formatPercent(sheet: ExcelJS.Worksheet, column: number): void {
  sheet.getColumn(column).eachCell((cell, rowNumber) => {
    if (rowNumber > 2 && typeof cell.value === 'number') cell.numFmt = '0.0%';
  });
}

/** Same data, same bytes: the package dates come from the figures' date, and the zip entries carry a fixed time. */
async function finish(workbook: ExcelJS.Workbook, asOf: string): Promise<Buffer> {
  const stamp = new Date(`${asOf}T00:00:00.000Z`);
  workbook.creator = 'Hearing Desk';
  workbook.lastModifiedBy = 'Hearing Desk';
  workbook.created = stamp;
  workbook.modified = stamp;
  const bytes = await workbook.xlsx.writeBuffer();
  return fixZipTimestamps(Buffer.from(bytes as ArrayBuffer));
}

export function workbookFileName(kind: 'ledger' | 'statistics', asOf: string, language: Language): string {
  const l = labels[language];
  return `${kind === 'ledger' ? l.fileLedger : l.fileStatistics}-${asOf}.xlsx`;
}

export async function ledgerWorkbook(rows: readonly LedgerRow[], asOf: string, language: Language): Promise<Buffer> {
  const l = labels[language].ledger;
  const columns: Array<Column & { key: keyof LedgerRow }> = [
    { key: 'number', header: l.number, width: 6 },
    { key: 'matterNo', header: l.matterNo, width: 24 },
    { key: 'title', header: l.title, width: 44 },
    { key: 'type', header: l.type, width: 18 },
    { key: 'stage', header: l.stage, width: 8 },
    { key: 'organizer', header: l.organizer, width: 24 },
    { key: 'agency', header: l.agency, width: 24 },
    { key: 'applicationDate', header: l.applicationDate, width: 12, date: true },
    { key: 'hearingDate', header: l.hearingDate, width: 12, date: true },
    { key: 'venue', header: l.venue, width: 26 },
    { key: 'publicity', header: l.publicity, width: 9 },
    { key: 'status', header: l.status, width: 10 },
    { key: 'panelMembers', header: l.panelMembers, width: 10 },
    { key: 'conclusion', header: l.conclusion, width: 14 },
    { key: 'satisfaction', header: l.satisfaction, width: 11 },
    { key: 'acceptance', header: l.acceptance, width: 12 },
    { key: 'finalizedOn', header: l.finalizedOn, width: 12, date: true },
    { key: 'onTime', header: l.onTime, width: 10 },
  ];
  const workbook = new ExcelJS.Workbook();
  // An empty text is a blank cell, as a clerk leaves it, not a cell holding nothing.
  const body = rows.map((row) => columns.map(({ key, date }) => (date ? excelDate(row[key] as string | null) : row[key] === '' ? null : row[key])));
  addTable(workbook, labels[language].ledgerSheet, labels[language].ledgerTitle(asOf, rows.length), columns, body);
  return finish(workbook, asOf);
}

function summarySheet(workbook: ExcelJS.Workbook, figures: StatisticsFigures, l: Labels, title: (name: string) => string): void {
  const { toFinal } = figures;
  const days: Ratio = { numerator: toFinal.totalDays, denominator: toFinal.hearings };
  const ratios: Array<[string, Ratio]> = [
    [l.satisfactionRate, figures.satisfaction.satisfied],
    [l.acceptanceRate, figures.acceptance.accepted],
    [l.onTimeRate, figures.onTime.onTime],
  ];
  const sheet = addTable(
    workbook,
    l.summary,
    title(l.summary),
    [
      { header: l.figure, width: 52 },
      { header: l.numerator, width: 10 },
      { header: l.denominator, width: 10 },
      { header: l.rate, width: 10 },
    ],
    [
      [l.hearings, figures.hearings, null, null],
      ...ratios.map(([name, ratio]): Cell[] => [name, ratio.numerator, ratio.denominator, rateOf(ratio)]),
      [l.daysToFinal, days.numerator, days.denominator, days.denominator === 0 ? '—' : Math.round((days.numerator / days.denominator) * 10) / 10],
    ],
  );
  formatPercent(sheet, 4);
  // The average of days is a number of days, not a share.
  sheet.getCell(sheet.rowCount, 4).numFmt = '0.0';
}

export async function statisticsWorkbook(figures: StatisticsFigures, language: Language): Promise<Buffer> {
  const l = labels[language];
  const title = (name: string) => l.sheetTitle(name, figures.asOf, figures.hearings);
  const templateName = (templateId: string) => figures.templates.find((template) => template.id === templateId)?.name[language] ?? templateId;
  const workbook = new ExcelJS.Workbook();
  summarySheet(workbook, figures, l, title);

  addTable(
    workbook,
    l.perMonth,
    title(l.perMonth),
    [{ header: l.month, width: 10 }, { header: l.total, width: 8 }, ...figures.templates.map((template) => ({ header: template.name[language], width: 18 }))],
    figures.perMonth.map((month) => [month.month, month.total, ...month.byTemplate.map((entry) => entry.hearings)]),
  );

  addTable(
    workbook,
    l.outcomes,
    title(l.outcomes),
    [
      { header: l.type, width: 18 },
      { header: l.outcome, width: 18 },
      { header: l.requests, width: 10 },
    ],
    figures.outcomes.flatMap((family) => [
      ...family.outcomes.map((outcome): Cell[] => [templateName(family.templateId), outcome.name[language], outcome.requests]),
      [templateName(family.templateId), l.undecided, family.undecided],
      [templateName(family.templateId), l.total, family.requests],
    ]),
  );

  const { satisfaction } = figures;
  const satisfactionSheet = addTable(
    workbook,
    l.satisfaction,
    title(l.satisfaction),
    [
      { header: l.level, width: 36 },
      { header: l.count, width: 10 },
      { header: l.countsAsSatisfied, width: 12 },
      { header: l.rate, width: 10 },
    ],
    [
      ...satisfaction.levels.map((level): Cell[] => [level.name[language], level.count, level.satisfied ? l.yes : l.no, null]),
      [l.declined, satisfaction.declined, null, null],
      [l.satisfactionRate, satisfaction.satisfied.numerator, satisfaction.satisfied.denominator, rateOf(satisfaction.satisfied)],
    ],
  );
  formatPercent(satisfactionSheet, 4);

  const { acceptance } = figures;
  const acceptanceSheet = addTable(
    workbook,
    l.acceptance,
    title(l.acceptance),
    [
      { header: l.answer, width: 40 },
      { header: l.count, width: 10 },
      { header: l.denominator, width: 10 },
      { header: l.rate, width: 10 },
    ],
    [
      [l.accepted, acceptance.accepted.numerator, acceptance.accepted.denominator, rateOf(acceptance.accepted)],
      [l.refused, acceptance.refused, null, null],
      [l.undecidedAnswer, acceptance.undecided, null, null],
    ],
  );
  formatPercent(acceptanceSheet, 4);

  addTable(
    workbook,
    l.steps,
    title(l.steps),
    [
      { header: l.step, width: 18 },
      { header: l.held, width: 10 },
      { header: l.skipped, width: 10 },
      { header: l.planned, width: 12 },
      { header: l.actual, width: 12 },
      { header: l.difference, width: 12 },
    ],
    figures.steps.map((step) => {
      const actual = minutesOf(step.actualMs);
      return [step.name[language], step.held, step.skipped, step.plannedMinutes, actual, Math.round((actual - step.plannedMinutes) * 10) / 10];
    }),
  );

  addTable(
    workbook,
    l.speaking,
    title(l.speaking),
    [
      { header: l.side, width: 22 },
      { header: l.turns, width: 10 },
      { header: l.minutes, width: 12 },
    ],
    figures.speaking.map((side) => [side.name[language], side.turns, minutesOf(side.spokenMs)]),
  );

  const { toFinal } = figures;
  addTable(
    workbook,
    l.toFinal,
    title(l.toFinal),
    [
      { header: l.finalized, width: 16 },
      { header: l.totalDays, width: 12 },
      { header: l.minDays, width: 12 },
      { header: l.maxDays, width: 12 },
    ],
    [[toFinal.hearings, toFinal.totalDays, toFinal.minDays, toFinal.maxDays]],
  );

  const { onTime } = figures;
  const onTimeSheet = addTable(
    workbook,
    l.onTime,
    title(l.onTime),
    [
      { header: l.status, width: 40 },
      { header: l.count, width: 10 },
      { header: l.denominator, width: 10 },
      { header: l.rate, width: 10 },
    ],
    [
      [l.kept, onTime.onTime.numerator, onTime.onTime.denominator, rateOf(onTime.onTime)],
      [l.late, onTime.late, null, null],
      [l.open, onTime.open, null, null],
      [l.noDeadline, onTime.noDeadline, null, null],
    ],
  );
  formatPercent(onTimeSheet, 4);

  return finish(workbook, figures.asOf);
}
