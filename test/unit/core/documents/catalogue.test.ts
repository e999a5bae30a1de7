import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueColumns } from '../../../../electron/core/contract/index.js';
import { buildCatalogueDocument, type CatalogueDocumentData, type CatalogueExhibit } from '../../../../electron/core/documents/catalogue.js';
import { wangJianpingHearing } from '../../../fixtures/hearings.js';
import { cast } from '../../../fixtures/people.js';
import { partsOf, tableRows, textOf } from '../../support/docx.js';
import { useReadyHearings } from '../../support/hearing.js';

const { ready } = useReadyHearings();

/** The body's paragraphs outside tables and each table's rows of cell text, in order, split into one list per section. */
function sheets(xml: string): { paragraphs: string[]; rows: string[][] }[] {
  const body = xml.slice(xml.indexOf('<w:body>'));
  const out = [{ paragraphs: [] as string[], rows: [] as string[][] }];
  for (const [block] of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const sheet = out.at(-1)!;
    if (block.startsWith('<w:tbl>')) {
      sheet.rows.push(...tableRows(block));
      continue;
    }
    if (textOf(block)) sheet.paragraphs.push(textOf(block));
    if (block.includes('<w:sectPr')) out.push({ paragraphs: [], rows: [] });
  }
  return out.filter((sheet) => sheet.paragraphs.length > 0);
}

const exhibit = (serial: string, fields: Partial<CatalogueExhibit> & Pick<CatalogueExhibit, 'name'>): CatalogueExhibit => ({
  serial,
  source: '',
  purpose: '',
  pages: null,
  copies: null,
  isOriginal: false,
  form: 'documentary',
  notes: '',
  late: false,
  ...fields,
});

const wangCatalogue: CatalogueDocumentData = {
  matter: wangJianpingHearing.title,
  organizer: wangJianpingHearing.organizer,
  startsAt: wangJianpingHearing.plannedStart,
  columns: [...catalogueColumns],
  sheets: [
    {
      side: 'petitioner',
      sideLabel: '信访人',
      submitters: ['王建平', '张志强'],
      exhibits: [
        exhibit('1', {
          name: '房屋所有权证',
          source: '南宁市住房保障和房产管理局颁发',
          purpose: '证明东葛路118号房屋建筑面积为86.4平方米',
          pages: 2,
          copies: 1,
          isOriginal: true,
        }),
        exhibit('2', { name: '装修费用发票', source: '信访人提供', purpose: '证明房屋装修价值', pages: 5, copies: 1, notes: '共5张' }),
        exhibit('3', { name: '现场照片', form: 'electronic', purpose: '证明房屋现状', late: true }),
      ],
    },
    {
      side: 'agency',
      sideLabel: '办理机关',
      submitters: ['陈立新'],
      exhibits: [exhibit('1', { name: '房屋征收补偿决定书', source: '东城街道办事处作出', purpose: '证明补偿依据', pages: 4, copies: 1 })],
    },
  ],
};

describe('证据目录 (.docx)', () => {
  let docx: Buffer;
  let parts: Record<string, string>;
  let xml: string;

  beforeAll(async () => {
    docx = await buildCatalogueDocument(wangCatalogue);
    parts = partsOf(docx);
    xml = parts['word/document.xml']!;
  });

  it('gives each side a list of its own, each a section on the shared page that starts a new page and counts its pages', () => {
    const sections = [...xml.matchAll(/<w:sectPr[ >][\s\S]*?<\/w:sectPr>/g)].map((match) => match[0]);
    expect(sections).toHaveLength(2);
    for (const section of sections) {
      expect(section).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
      expect(section).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
      expect(section).toMatch(/<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"\/>/);
      expect(section).toContain('<w:pgNumType w:start="1"/>');
    }
    const footer = Object.entries(parts).find(([path]) => /^word\/footer\d*\.xml$/.test(path))![1];
    expect(textOf(footer)).toBe('第  页 共  页');
    expect(footer).toContain('SECTIONPAGES');
  });

  it('heads each list with 案由 and 提交人 and ends it with the submitter’s signature and date', () => {
    const [petitioner, agency] = sheets(xml);
    expect(petitioner!.paragraphs).toEqual([
      '证据目录',
      '（信访人）',
      `案由：${wangJianpingHearing.title}`,
      '提交人：王建平、张志强',
      '提交人（签名）：____________',
      '提交日期：　　　　年　　月　　日',
    ]);
    expect(agency!.paragraphs.slice(1, 4)).toEqual(['（办理机关）', `案由：${wangJianpingHearing.title}`, '提交人：陈立新']);
  });

  it('prints 序号, 证据名称 and every column in the catalogue’s order; a late exhibit says so in 备注', () => {
    const [petitioner, agency] = sheets(xml);
    expect(petitioner!.rows).toEqual([
      ['序号', '证据名称', '来源', '证明对象（证明目的）', '页数/份数', '原件/复印件', '证据形式', '备注'],
      ['1', '房屋所有权证', '南宁市住房保障和房产管理局颁发', '证明东葛路118号房屋建筑面积为86.4平方米', '2页 / 1份', '原件', '书证', ''],
      ['2', '装修费用发票', '信访人提供', '证明房屋装修价值', '5页 / 1份', '复印件', '书证', '共5张'],
      ['3', '现场照片', '—', '证明房屋现状', '— / —', '复印件', '电子数据', '逾期提交'],
    ]);
    expect(agency!.rows[1]).toEqual(['1', '房屋征收补偿决定书', '东城街道办事处作出', '证明补偿依据', '4页 / 1份', '复印件', '书证', '']);
  });

  it('leaves out the columns the office did not choose, keeping the rest in order', async () => {
    const chosen = await buildCatalogueDocument({ ...wangCatalogue, columns: ['purpose', 'original', 'notes'] });
    const [petitioner] = sheets(partsOf(chosen)['word/document.xml']!);
    expect(petitioner!.rows[0]).toEqual(['序号', '证据名称', '证明对象（证明目的）', '原件/复印件', '备注']);
    expect(petitioner!.rows[3]).toEqual(['3', '现场照片', '证明房屋现状', '复印件', '逾期提交']);
  });

  it('fills the type area with a ruled table, 证明对象 the widest column, set in 小四 仿宋 under 黑体 headings', () => {
    const widths = [...xml.match(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/)![0].matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    expect(widths).toHaveLength(8);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBe(11906 - 1587 - 1474);
    expect(Math.max(...widths)).toBe(widths[3]);
    const styles = parts['word/styles.xml']!;
    expect(styles.match(/w:styleId="HdCell"[\s\S]*?<\/w:style>/)![0]).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="24"\/>/);
    expect(styles.match(/w:styleId="HdCellHead"[\s\S]*?<\/w:style>/)![0]).toMatch(/w:eastAsia="黑体"/);
    expect(xml).toMatch(/<w:tblHeader\/>/);
  });

  it('says so when no exhibit has been registered', async () => {
    const empty = sheets(partsOf(await buildCatalogueDocument({ ...wangCatalogue, sheets: [] }))['word/document.xml']!);
    expect(empty).toEqual([{ paragraphs: ['证据目录', '本听证尚未登记证据。'], rows: [] }]);
  });

  it('has English labels', async () => {
    const [petitioner] = sheets(partsOf(await buildCatalogueDocument(wangCatalogue, { language: 'en' }))['word/document.xml']!);
    expect(petitioner!.paragraphs.slice(0, 4)).toEqual([
      'List of Evidence',
      '(信访人)',
      `Matter: ${wangJianpingHearing.title}`,
      'Submitted by: 王建平, 张志强',
    ]);
    expect(petitioner!.rows[0]).toEqual(['No.', 'Exhibit', 'Source', 'What it proves', 'Pages/copies', 'Original/copy', 'Form', 'Notes']);
    expect(petitioner!.rows[3]!.slice(4)).toEqual(['— / —', 'Copy', 'Electronic data', 'Late']);
  });

  it('gives the same bytes for the same data', async () => {
    expect((await buildCatalogueDocument(wangCatalogue)).equals(docx)).toBe(true);
    expect((await buildCatalogueDocument({ ...wangCatalogue, columns: ['purpose'] })).equals(docx)).toBe(false);
  });
});

describe('documents.generate: catalogue', () => {
  it('lists each side’s exhibits as registered, in the office’s columns, the one handed in during the hearing marked late', async () => {
    const { core, hearing, people } = await ready();
    const add = (submitter: string, fields: { name: string; source?: string; purpose?: string; pages?: number; copies?: number; isOriginal?: boolean }) =>
      core.ok('evidence.add', { hearingId: hearing.id, submitterId: people[submitter]!.id, form: 'documentary', ...fields });
    await add('王建平', {
      name: '房屋所有权证',
      source: '南宁市住房保障和房产管理局颁发',
      purpose: '证明房屋建筑面积为86.4平方米',
      pages: 2,
      copies: 1,
      isOriginal: true,
    });
    await add('张志强', { name: '装修费用发票', purpose: '证明房屋装修价值', pages: 5, copies: 1 });
    await add('陈立新', { name: '房屋征收补偿决定书', source: '东城街道办事处作出', purpose: '证明补偿依据', pages: 4, copies: 1 });
    await core.ok('settings.setCatalogueColumns', { columns: ['notes', 'purpose', 'pagesCopies'] });
    await core.ok('procedure.start', { hearingId: hearing.id });
    await add('王建平', { name: '邻居证明', purpose: '证明房屋装修时间' });

    const generated = await core.ok('documents.generate', { hearingId: hearing.id, kind: 'catalogue' });
    expect(generated.fileName).toBe(`${hearing.title}-证据目录.docx`);
    const parts = partsOf(Buffer.from(generated.base64, 'base64'));
    const [petitioner, agency] = sheets(parts['word/document.xml']!);
    expect(petitioner!.paragraphs.slice(1, 4)).toEqual(['（信访人）', `案由：${hearing.title}`, '提交人：王建平、张志强']);
    expect(petitioner!.rows).toEqual([
      ['序号', '证据名称', '证明对象（证明目的）', '页数/份数', '备注'],
      ['1', '房屋所有权证', '证明房屋建筑面积为86.4平方米', '2页 / 1份', ''],
      ['2', '装修费用发票', '证明房屋装修价值', '5页 / 1份', ''],
      ['3', '邻居证明', '证明房屋装修时间', '— / —', '逾期提交'],
    ]);
    expect(agency!.paragraphs.slice(1, 4)).toEqual(['（办理机关）', `案由：${hearing.title}`, '提交人：陈立新']);
    expect(agency!.rows[1]).toEqual(['1', '房屋征收补偿决定书', '证明补偿依据', '4页 / 1份', '']);

    const everything = Object.values(parts).join('');
    expect(everything).not.toContain(cast.petitioner.idNumber!);
    expect(everything).not.toContain(cast.petitioner.phone!);
    expect((await core.ok('documents.generate', { hearingId: hearing.id, kind: 'catalogue' })).sha256).toBe(generated.sha256);
  });
});
