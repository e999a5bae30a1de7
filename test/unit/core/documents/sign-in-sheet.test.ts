import { beforeAll, describe, expect, it } from 'vitest';
import { localDateTime } from '../../../../electron/core/contract/index.js';
import { buildSignInSheet, type SignInSheetData } from '../../../../electron/core/documents/sign-in-sheet.js';
import { wangJianpingHearing } from '../../../fixtures/hearings.js';
import { cast } from '../../../fixtures/people.js';
import { paragraphs, partsOf, tableRows } from '../../support/docx.js';
import { useReadyHearings } from '../../support/hearing.js';

const { ready } = useReadyHearings();

const wangSheet: SignInSheetData = {
  matter: wangJianpingHearing.title,
  organizer: wangJianpingHearing.organizer,
  startsAt: wangJianpingHearing.plannedStart,
  venue: wangJianpingHearing.venue,
  rows: [
    { name: '刘明远', roleLabel: '主持人', organization: '南宁市青秀区信访局', post: '副局长', arrivedAt: '2026-12-08T09:05', absent: false },
    { name: '黄志刚', roleLabel: '听证员', organization: '青秀区人大常委会', post: '区人大代表', arrivedAt: '2026-12-08T09:12', absent: false },
    { name: '王建平', roleLabel: '信访人', organization: '', post: '', arrivedAt: '2026-12-08T09:21', absent: false },
    { name: '陈桂兰', roleLabel: '信访人代表', organization: '', post: '', arrivedAt: null, absent: true },
    { name: '莫晓东', roleLabel: '办理机关', organization: '青秀区房屋征收办公室', post: '科长', arrivedAt: null, absent: false },
  ],
};

describe('签到表 (.docx)', () => {
  let parts: Record<string, string>;
  let xml: string;
  let docx: Buffer;

  beforeAll(async () => {
    docx = await buildSignInSheet(wangSheet);
    parts = partsOf(docx);
    xml = parts['word/document.xml']!;
  });

  it('is on the shared A4 page with the GB/T 9704 margins and grid, one section', () => {
    expect(xml.match(/<w:sectPr[ >]/g)).toHaveLength(1);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toMatch(/<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"\/>/);
  });

  it('heads the sheet with the matter, the time as officials write it, and the place', () => {
    expect(paragraphs(xml).slice(0, 4)).toEqual([
      '听证签到表',
      `事由：${wangJianpingHearing.title}`,
      '时间：2026年12月8日上午9时30分',
      '地点：青秀区信访局三楼听证室',
    ]);
  });

  it('has a row per person: 序号, name, capacity, organization and post, check-in time, and an empty cell to sign in', () => {
    expect(tableRows(xml)).toEqual([
      ['序号', '姓名', '身份', '单位/职务', '签到时间', '签名'],
      ['1', '刘明远', '主持人', '南宁市青秀区信访局副局长', '09:05', ''],
      ['2', '黄志刚', '听证员', '青秀区人大常委会区人大代表', '09:12', ''],
      ['3', '王建平', '信访人', '', '09:21', ''],
      ['4', '陈桂兰', '信访人代表', '', '未到', ''],
      ['5', '莫晓东', '办理机关', '青秀区房屋征收办公室科长', '', ''],
    ]);
  });

  it('fills the type area with a ruled table whose signature column is wide, rows tall enough to write in and never split', () => {
    const widths = [...xml.match(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/)![0].matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    expect(widths.reduce((sum, width) => sum + width, 0)).toBe(11906 - 1587 - 1474);
    const [number, name, , affiliation, time, signature] = widths as [number, number, number, number, number, number];
    expect(signature).toBeGreaterThan(name);
    expect(signature).toBeGreaterThan(time);
    expect(affiliation).toBeGreaterThan(number);
    expect(xml).toMatch(/<w:tblLayout w:type="fixed"\/>/);
    expect(xml).toMatch(/<w:tblBorders>[\s\S]*<w:insideV w:val="single"/);
    // The heading row repeats on every page; every row stays whole.
    const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => row[0]);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.every((row) => row.includes('<w:cantSplit/>'))).toBe(true);
    expect(rows.slice(1).every((row) => /<w:trHeight w:val="869" w:hRule="atLeast"\/>/.test(row))).toBe(true);
  });

  it('sets the table in 小四: headings in 黑体, cells in 仿宋', () => {
    const styles = parts['word/styles.xml']!;
    const cell = styles.match(/<w:style [^>]*w:styleId="HdCell"[^>]*>[\s\S]*?<\/w:style>/)![0];
    const head = styles.match(/<w:style [^>]*w:styleId="HdCellHead"[^>]*>[\s\S]*?<\/w:style>/)![0];
    expect(cell).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(cell).toContain('<w:sz w:val="24"/>');
    expect(head).toMatch(/w:eastAsia="黑体"/);
    expect(head).toContain('<w:jc w:val="center"/>');
  });

  it('counts its pages in the footer: 第 X 页 共 Y 页', () => {
    const footer = Object.entries(parts).find(([path]) => /^word\/footer\d*\.xml$/.test(path))![1];
    expect(paragraphs(footer)).toEqual(['第  页 共  页']);
    expect(footer).toMatch(/<w:instrText xml:space="preserve">SECTIONPAGES<\/w:instrText>/);
  });

  it('has English labels', async () => {
    const english = partsOf(await buildSignInSheet(wangSheet, { language: 'en' }))['word/document.xml']!;
    expect(paragraphs(english).slice(0, 3)).toEqual(['Hearing Sign-in Sheet', `Matter: ${wangJianpingHearing.title}`, 'Time: 8 December 2026, 9:30 a.m.']);
    expect(tableRows(english)[0]).toEqual(['No.', 'Name', 'Capacity', 'Organization / post', 'Signed in', 'Signature']);
    expect(tableRows(english)[1]![3]).toBe('南宁市青秀区信访局, 副局长');
  });

  it('gives the same bytes for the same data', async () => {
    expect((await buildSignInSheet(wangSheet)).equals(docx)).toBe(true);
  });
});

describe('documents.generate: signInSheet', () => {
  it('lists the roster role by role with the check-in times, and no identity number or phone', async () => {
    const { core, hearing } = await ready();
    const generated = await core.ok('documents.generate', { hearingId: hearing.id, kind: 'signInSheet' });
    expect(generated.fileName).toBe(`${hearing.title}-签到表.docx`);
    const parts = partsOf(Buffer.from(generated.base64, 'base64'));
    const rows = tableRows(parts['word/document.xml']!).slice(1);
    expect(rows.map((row) => `${row[1]}/${row[2]}`)).toEqual([
      '刘明远/主持人',
      ...cast.panel.map((member) => `${member.name}/听证员`),
      '赵敏/记录员',
      '王建平/信访人',
      ...cast.representatives.map((representative) => `${representative.name}/信访人代表`),
      '张志强/委托代理人',
      '陈立新/办理机关',
      '莫晓东/办理机关',
    ]);
    // Everyone was checked in at 01:20 UTC, shown in this computer's time zone.
    const checkedIn = localDateTime('2026-12-08T01:20:00.000Z').slice(11, 16);
    expect(new Set(rows.map((row) => row[4]))).toEqual(new Set([checkedIn]));
    expect(rows[0]![3]).toBe('南宁市青秀区信访局副局长');

    const everything = Object.values(parts).join('');
    for (const person of [cast.petitioner, ...cast.representatives]) {
      expect(everything).not.toContain(person.idNumber!);
      expect(everything).not.toContain(person.phone!);
    }
    expect((await core.ok('documents.generate', { hearingId: hearing.id, kind: 'signInSheet' })).sha256).toBe(generated.sha256);
  });
});
