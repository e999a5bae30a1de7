import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { maxRosterRows, parseRoster, type RosterRow } from '../../../electron/core/participants/roster.js';

const utf8Bom = '\ufeff';

function csv(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

/** A row as the parser returns it, with the columns a test does not mention left empty. */
function person(line: number, fields: Partial<Omit<RosterRow, 'line'>>): RosterRow {
  return { line, name: '', role: '', gender: '', idNumber: '', phone: '', address: '', organization: '', post: '', notes: '', agentFor: '', ...fields };
}

/**
 * GBK codes of the characters below, as Excel on Chinese Windows writes them
 * in "CSV (逗号分隔)". Kept as a table so the test does not lean on the
 * decoder it is testing.
 */
const gbkCodes: Record<string, [number, number]> = {
  姓: [0xd0, 0xd5], 名: [0xc3, 0xfb], 角: [0xbd, 0xc7], 色: [0xc9, 0xab], 电: [0xb5, 0xe7], 话: [0xbb, 0xb0], 王: [0xcd, 0xf5], 建: [0xbd, 0xa8],
  平: [0xc6, 0xbd], 信: [0xd0, 0xc5], 访: [0xb7, 0xc3], 人: [0xc8, 0xcb], 张: [0xd5, 0xc5], 志: [0xd6, 0xbe], 强: [0xc7, 0xbf], 委: [0xce, 0xaf],
  托: [0xcd, 0xd0], 代: [0xb4, 0xfa], 理: [0xc0, 0xed],
}; // prettier-ignore

function gbk(text: string): Buffer {
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else if (gbkCodes[character]) bytes.push(...gbkCodes[character]);
    else throw new Error(`no GBK code for ${character} in the test table`);
  }
  return Buffer.from(bytes);
}

async function xlsx(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('参加人员'));
  // A second sheet, as roster templates carry instructions; only the first is the roster.
  workbook.addWorksheet('说明').addRow(['姓名', '角色']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const petitionRoster = [
  '序号,姓名,角色,性别,身份证号码,联系电话,住址,工作单位,职务,代理对象,备注',
  '1,王建平,信访人,男,330106198503152716,13812345678,浙江省杭州市西湖区文三路100号2幢301室,,,,',
  '2,李秀英,代表,女,11010519491231002X,139 1234 5678,"浙江省杭州市西湖区留下街道屏峰村15号, 东侧",,,,',
  '3,张志强,委托代理人,男,330106198001011235,0571-87654321,,浙江求是律师事务所,律师,王建平,"特别授权：代为陈述""诉求""，代为签收文书"',
  '4,陈立新,办理机关,男,,0571-85123456,,县住建局,副局长,,',
].join('\r\n');

describe('a roster saved as CSV', () => {
  it('reads every person of a UTF-8 file with a BOM, as "CSV UTF-8" in Excel saves it', async () => {
    const result = await parseRoster(csv(utf8Bom + petitionRoster + '\r\n'), 'csv');
    expect(result.problems).toEqual([]);
    expect(result.ignoredColumns).toEqual(['序号']);
    expect(result.rows).toEqual([
      person(2, {
        name: '王建平',
        role: '信访人',
        gender: '男',
        idNumber: '330106198503152716',
        phone: '13812345678',
        address: '浙江省杭州市西湖区文三路100号2幢301室',
      }),
      person(3, {
        name: '李秀英',
        role: '代表',
        gender: '女',
        idNumber: '11010519491231002X',
        phone: '139 1234 5678',
        address: '浙江省杭州市西湖区留下街道屏峰村15号, 东侧',
      }),
      person(4, {
        name: '张志强',
        role: '委托代理人',
        gender: '男',
        idNumber: '330106198001011235',
        phone: '0571-87654321',
        organization: '浙江求是律师事务所',
        post: '律师',
        agentFor: '王建平',
        notes: '特别授权：代为陈述"诉求"，代为签收文书',
      }),
      person(5, { name: '陈立新', role: '办理机关', gender: '男', phone: '0571-85123456', organization: '县住建局', post: '副局长' }),
    ]);
  });

  it('reads the same file without a BOM and with bare LF line ends', async () => {
    const result = await parseRoster(csv(petitionRoster.replaceAll('\r\n', '\n')), 'csv');
    expect(result.rows.map((row) => [row.line, row.name])).toEqual([
      [2, '王建平'],
      [3, '李秀英'],
      [4, '张志强'],
      [5, '陈立新'],
    ]);
  });

  it('decodes GBK, which Excel on Chinese Windows uses for "CSV (逗号分隔)"', async () => {
    const bytes = gbk('姓名,角色,电话,委托人\r\n王建平,信访人,13812345678,\r\n张志强,委托代理人,13912345678,王建平\r\n');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const result = await parseRoster(bytes, 'csv');
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      person(2, { name: '王建平', role: '信访人', phone: '13812345678' }),
      person(3, { name: '张志强', role: '委托代理人', phone: '13912345678', agentFor: '王建平' }),
    ]);
  });

  it('reads tab-separated UTF-16, which Excel saves as "Unicode 文本"', async () => {
    const text = '\ufeff姓名\t角色\t工作单位\r\n陈立新\t办理机关\t县住建局, 城建科\r\n';
    const result = await parseRoster(Buffer.from(text, 'utf16le'), 'csv');
    expect(result.rows).toEqual([person(2, { name: '陈立新', role: '办理机关', organization: '县住建局, 城建科' })]);
  });

  it('recognises English headings whatever their case and spacing, and lists the columns it leaves out', async () => {
    const text = ['No., Name ,ROLE,ID Number,Phone,Agent For,Ethnicity', '1,张志强,委托代理人,330106198001011235,13912345678,王建平,汉'].join('\n');
    const result = await parseRoster(csv(text), 'csv');
    expect(result.rows).toEqual([person(2, { name: '张志强', role: '委托代理人', idNumber: '330106198001011235', phone: '13912345678', agentFor: '王建平' })]);
    expect(result.ignoredColumns).toEqual(['No.', 'Ethnicity']);
  });

  it('recognises headings marked as required or ending in a colon', async () => {
    const text = ['*姓名,角色：,身份证 号码', '王建平,信访人,330106198503152716'].join('\n');
    expect((await parseRoster(csv(text), 'csv')).rows).toEqual([person(2, { name: '王建平', role: '信访人', idNumber: '330106198503152716' })]);
  });

  it('keeps a line break typed into a cell, and numbers rows as Excel shows them', async () => {
    const text = ['姓名,住址,角色', '王建平,"浙江省杭州市西湖区文三路100号', '2幢301室",信访人', '李秀英,,代表'].join('\r\n');
    const result = await parseRoster(csv(text), 'csv');
    expect(result.rows).toEqual([
      person(2, { name: '王建平', address: '浙江省杭州市西湖区文三路100号\n2幢301室', role: '信访人' }),
      person(3, { name: '李秀英', role: '代表' }),
    ]);
  });

  it('skips empty lines and pre-numbered rows without anyone on them, but counts them in the line numbers', async () => {
    const text = ['序号,姓名,角色', '1,王建平,信访人', '', ',,', '2,,', '3,李秀英,代表', '4,,'].join('\n');
    const result = await parseRoster(csv(text), 'csv');
    expect(result.problems).toEqual([]);
    expect(result.rows.map((row) => [row.line, row.name])).toEqual([
      [2, '王建平'],
      [6, '李秀英'],
    ]);
  });

  it('reports a person without a name by line and leaves that row out', async () => {
    const text = ['姓名,角色,联系电话', '王建平,信访人,13812345678', ' ,代表,13912345678', '张志强,委托代理人,'].join('\n');
    const result = await parseRoster(csv(text), 'csv');
    expect(result.problems).toEqual([{ line: 3, column: '姓名', key: 'roster.missingName' }]);
    expect(result.rows.map((row) => row.name)).toEqual(['王建平', '张志强']);
  });

  it('finds the headings below a title and a date line', async () => {
    const text = ['关于王建平信访事项听证会参加人员名单,,', '填报日期：2026年3月5日,,', '姓名,角色,工作单位', '陈立新,办理机关,县住建局'].join('\n');
    const result = await parseRoster(csv(text), 'csv');
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([person(4, { name: '陈立新', role: '办理机关', organization: '县住建局' })]);
  });

  it('refuses a roster without a name column, with one problem and no rows', async () => {
    const text = ['人员,角色,电话', '王建平,信访人,13812345678', '李秀英,代表,13912345678'].join('\n');
    expect(await parseRoster(csv(text), 'csv')).toEqual({
      rows: [],
      problems: [{ line: 1, key: 'roster.missingHeader', params: { column: '姓名' } }],
      ignoredColumns: [],
    });
  });

  it('says a file is empty, whether it holds nothing at all or only the headings', async () => {
    expect((await parseRoster(csv(''), 'csv')).problems).toEqual([{ line: 1, key: 'roster.empty' }]);
    expect((await parseRoster(csv(utf8Bom + '\r\n,,\r\n'), 'csv')).problems).toEqual([{ line: 1, key: 'roster.empty' }]);
    expect(await parseRoster(csv('姓名,角色\r\n'), 'csv')).toEqual({ rows: [], problems: [{ line: 1, key: 'roster.empty' }], ignoredColumns: [] });
  });

  it('uses the first of two columns for one field and says so', async () => {
    const text = ['姓名,电话,手机', '王建平,0571-88001234,13812345678'].join('\n');
    const result = await parseRoster(csv(text), 'csv');
    expect(result.rows).toEqual([person(2, { name: '王建平', phone: '0571-88001234' })]);
    expect(result.ignoredColumns).toEqual(['手机']);
    expect(result.problems).toEqual([{ line: 1, column: '手机', key: 'roster.duplicateColumn', params: { column: '手机', used: '电话' } }]);
  });

  it('reports an ID number Excel turned into a number before saving the CSV', async () => {
    const text = ['姓名,身份证号', '王建平,3.30106E+17', '李秀英,11010519491231002X'].join('\n');
    const result = await parseRoster(csv(text), 'csv');
    expect(result.problems).toEqual([{ line: 2, column: '身份证号', key: 'roster.idNumberAsNumber' }]);
    expect(result.rows.map((row) => row.idNumber)).toEqual(['3.30106E+17', '11010519491231002X']);
  });

  it('reports a quote that is never closed instead of swallowing the rest of the file', async () => {
    const text = ['姓名,备注', '王建平,信访人', '李秀英,"代表', '张志强,委托代理人'].join('\n');
    const result = await parseRoster(csv(text), 'csv');
    expect(result.problems).toEqual([{ line: 3, key: 'roster.unclosedQuote' }]);
    expect(result.rows.map((row) => row.name)).toEqual(['王建平']);
  });

  it(`takes ${maxRosterRows} people but refuses a longer file as a whole`, async () => {
    const lines = (count: number) => ['姓名,角色', ...Array.from({ length: count }, (_, i) => `旁听人${i + 1},旁听`)].join('\n');
    expect((await parseRoster(csv(lines(maxRosterRows)), 'csv')).rows).toHaveLength(maxRosterRows);
    expect(await parseRoster(csv(lines(maxRosterRows + 1)), 'csv')).toEqual({
      rows: [],
      problems: [{ line: maxRosterRows + 2, key: 'roster.tooManyRows', params: { max: maxRosterRows, count: maxRosterRows + 1 } }],
      ignoredColumns: [],
    });
  });
});

describe('a roster saved as XLSX', () => {
  it('reads the first worksheet below its title, as the clerk sees its rows', async () => {
    const file = await xlsx((sheet) => {
      sheet.addRow(['关于王建平信访事项听证会参加人员名单']);
      sheet.mergeCells('A1:H1');
      sheet.addRow(['序号', '姓名', '身份', '性别', '公民身份号码', '手机', '工作单位', '职务']);
      sheet.addRow([1, '王建平', '信访人', '男', '330106198503152716', 13812345678]);
      sheet.addRow([2, { richText: [{ text: '李' }, { text: '秀英', font: { bold: true } }] }, '代表', '女', '11010519491231002X', '13912345678']);
      sheet.addRow([]);
      sheet.addRow([3, '陈立新', '办理机关', '男', '', '0571-85123456', '县住建局', '副局长']);
      sheet.addRow([4, '刘建国', '办理机关', '男', '', '0571-85123457', null, { formula: 'H6', result: '副局长' }]);
      // One 工作单位 written once for both officials of the agency, as offices do.
      sheet.mergeCells('G6:G7');
    });
    const result = await parseRoster(file, 'xlsx');
    expect(result.problems).toEqual([]);
    expect(result.ignoredColumns).toEqual(['序号']);
    expect(result.rows).toEqual([
      person(3, { name: '王建平', role: '信访人', gender: '男', idNumber: '330106198503152716', phone: '13812345678' }),
      person(4, { name: '李秀英', role: '代表', gender: '女', idNumber: '11010519491231002X', phone: '13912345678' }),
      person(6, { name: '陈立新', role: '办理机关', gender: '男', phone: '0571-85123456', organization: '县住建局', post: '副局长' }),
      person(7, { name: '刘建国', role: '办理机关', gender: '男', phone: '0571-85123457', organization: '县住建局', post: '副局长' }),
    ]);
  });

  it('reports an ID number stored as a number, which Excel has already cut to 15 digits', async () => {
    const file = await xlsx((sheet) => {
      sheet.addRow(['姓名', '角色', '身份证号']);
      sheet.addRow(['王建平', '信访人', 330106198503152000]);
      sheet.addRow(['李秀英', '代表', '11010519491231002X']);
    });
    const result = await parseRoster(file, 'xlsx');
    expect(result.problems).toEqual([{ line: 2, column: '身份证号', key: 'roster.idNumberAsNumber' }]);
    expect(result.rows.map((row) => row.idNumber)).toEqual(['330106198503152000', '11010519491231002X']);
  });

  it('writes dates as dates and formulas as their results', async () => {
    const file = await xlsx((sheet) => {
      sheet.addRow(['姓名', '角色', '备注', '代理对象']);
      sheet.addRow(['王建平', '信访人', '']);
      sheet.addRow(['张志强', '委托代理人', new Date(Date.UTC(2026, 2, 5)), { formula: 'A2', result: '王建平' }]);
    });
    const result = await parseRoster(file, 'xlsx');
    expect(result.rows[1]).toEqual(person(3, { name: '张志强', role: '委托代理人', notes: '2026-03-05', agentFor: '王建平' }));
  });

  it('reports a sheet without a name column', async () => {
    const file = await xlsx((sheet) => {
      sheet.addRow(['人员', '角色']);
      sheet.addRow(['王建平', '信访人']);
    });
    expect((await parseRoster(file, 'xlsx')).problems).toEqual([{ line: 1, key: 'roster.missingHeader', params: { column: '姓名' } }]);
  });

  it('reads a workbook the clerk renamed to .csv', async () => {
    const file = await xlsx((sheet) => {
      sheet.addRow(['姓名', '角色']);
      sheet.addRow(['王建平', '信访人']);
    });
    expect((await parseRoster(file, 'csv')).rows).toEqual([person(2, { name: '王建平', role: '信访人' })]);
  });

  it('reports a damaged workbook as unreadable rather than failing', async () => {
    const file = await xlsx((sheet) => {
      sheet.addRow(['姓名', '角色']);
      sheet.addRow(['王建平', '信访人']);
    });
    const unreadable = { rows: [], problems: [{ line: 1, key: 'roster.unreadable' }], ignoredColumns: [] };
    expect(await parseRoster(file.subarray(0, Math.floor(file.length / 2)), 'xlsx')).toEqual(unreadable);
    expect(await parseRoster(csv('姓名,角色\n王建平,信访人\n'), 'xlsx')).toEqual(unreadable);
    expect(await parseRoster(Buffer.alloc(0), 'xlsx')).toEqual(unreadable);
  });

  it('refuses an Excel 97–2003 workbook as unreadable, naming its format', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);
    expect((await parseRoster(xls, 'xlsx')).problems).toEqual([{ line: 1, key: 'roster.unreadable', params: { format: 'xls' } }]);
    expect((await parseRoster(xls, 'csv')).problems).toEqual([{ line: 1, key: 'roster.unreadable', params: { format: 'xls' } }]);
  });
});
