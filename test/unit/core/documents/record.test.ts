import { beforeAll, describe, expect, it } from 'vitest';
import { buildRecordDocument, entryClock, entryTag, type RecordDocumentData } from '../../../../electron/core/documents/record.js';
import { fixZipTimestamps } from '../../../../electron/core/documents/pack.js';
import { grid, page } from '../../../../electron/core/documents/typography.js';
import { cast } from '../../../fixtures/people.js';
import { wangRecord, wangRecordEntries } from '../../../fixtures/record.js';
import { paragraphs, partsOf, styleXml } from '../../support/docx.js';

/** Local file headers' and central directory's DOS date/time fields of a zip. */
function zipTimes(zip: Buffer): number[] {
  const times: number[] = [];
  for (let at = 0; at < zip.length - 4; at += 1) {
    const signature = zip.readUInt32LE(at);
    if (signature === 0x04034b50) times.push(zip.readUInt32LE(at + 10));
    if (signature === 0x02014b50) times.push(zip.readUInt32LE(at + 12));
  }
  return times;
}

describe('听证笔录 (.docx)', () => {
  let docx: Buffer;
  let parts: Record<string, string>;
  let body: string[];

  beforeAll(async () => {
    docx = await buildRecordDocument(wangRecord, { officeName: '南宁市青秀区信访局' });
    parts = partsOf(docx);
    body = paragraphs(parts['word/document.xml']!);
  });

  it('is a package Word opens: the parts docx writes, with the app font table and fixed core properties', () => {
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        '_rels/.rels',
        'word/document.xml',
        'word/styles.xml',
        'word/settings.xml',
        'word/fontTable.xml',
        'docProps/core.xml',
      ]),
    );
    expect(parts['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-12-08T00:00:00Z</dcterms:created>');
    expect(parts['docProps/core.xml']).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-12-08T00:00:00Z</dcterms:modified>');
    expect(parts['docProps/core.xml']).toContain(`<dc:title>${wangRecord.matter} 听证笔录</dc:title>`);
  });

  it('has A4, the GB/T 9704 margins and the 22 × 28 grid', () => {
    const xml = parts['word/document.xml']!;
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    const margin = xml.match(/<w:pgMar [^>]*\/>/)![0];
    expect(margin).toContain('w:top="2098"');
    expect(margin).toContain('w:bottom="1984"');
    expect(margin).toContain('w:left="1587"');
    expect(margin).toContain('w:right="1474"');
    expect(xml).toMatch(/<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"\/>/);
    // 28 characters of 3号 plus the grid's character space fill the type area, no more.
    const pitch = 16 + grid.charSpace / 4096;
    const width = (page.width - page.margin.left - page.margin.right) / 20;
    expect(Math.floor(width / pitch)).toBe(28);
    // One section, so one page setup for every page.
    expect(xml.match(/<w:sectPr>/g)).toHaveLength(1);
  });

  it('sets the fonts in the East Asian slot, with the sizes of 2号 and 3号 and a two-character indent', () => {
    const styles = parts['word/styles.xml']!;
    const defaults = styles.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)![0];
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toContain('w:eastAsia="zh-CN"');

    const title = styleXml(styles, 'HdTitle');
    expect(title).toMatch(/<w:rFonts [^>]*w:eastAsia="方正小标宋简体"/);
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');

    const bodyStyle = styleXml(styles, 'HdBody');
    expect(bodyStyle).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
    expect(bodyStyle).toContain('<w:sz w:val="32"/>');
    expect(bodyStyle).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);
    expect(bodyStyle).toMatch(/<w:ind [^>]*w:firstLine="640"/);

    expect(styleXml(styles, 'HdHeading1')).toMatch(/w:eastAsia="黑体"/);
    expect(styleXml(styles, 'HdHeading2')).toMatch(/w:eastAsia="楷体_GB2312"/);
    expect(styleXml(styles, 'HdHeading1')).not.toContain('<w:b/>');

    // Latin letters and digits keep a Latin font.
    expect(title).toMatch(/<w:rFonts [^>]*w:ascii="Times New Roman"/);
  });

  it('names the fallbacks of the commercial fonts in the font table', () => {
    const fonts = parts['word/fontTable.xml']!;
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/><w:charset w:val="86"/>');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
    expect(fonts).toContain('<w:font w:name="黑体">');
  });

  it('bolds headings only when the office asks for it', async () => {
    const bold = partsOf(await buildRecordDocument(wangRecord, { boldHeadings: true }));
    expect(styleXml(bold['word/styles.xml']!, 'HdHeading1')).toContain('<w:b/>');
    expect(styleXml(bold['word/styles.xml']!, 'HdHeading2')).toContain('<w:b/>');
    expect(styleXml(bold['word/styles.xml']!, 'HdBody')).not.toContain('<w:b/>');
  });

  it('puts the page fields and the party signature line in the footer of every page', () => {
    const xml = parts['word/document.xml']!;
    const references = [...xml.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)];
    expect(references.map((reference) => reference[1])).toEqual(['default']);
    // No different first page, no even/odd pages: the default footer is on every page.
    expect(xml).not.toContain('<w:titlePg');
    expect(parts['word/settings.xml']).not.toMatch(/<w:evenAndOddHeaders(?! w:val="false")/);

    const rels = parts['word/_rels/document.xml.rels']!;
    const target = rels.match(new RegExp(`Id="${references[0]![2]}" Type="[^"]+/footer" Target="([^"]+)"`))![1];
    const footer = parts[`word/${target}`]!;
    expect(footer).toMatch(/<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText xml:space="preserve">NUMPAGES<\/w:instrText>/);
    expect(footer.indexOf('PAGE<')).toBeLessThan(footer.indexOf('NUMPAGES<'));
    expect(paragraphs(footer)).toEqual(['信访人签名：________', '第  页 共  页']);
    expect(footer).toContain('<w:pStyle w:val="HdFooter"/>');
    expect(styleXml(parts['word/styles.xml']!, 'HdFooter')).toContain('<w:sz w:val="28"/>');
  });

  it('opens with the office, the title and the header fields of domain.md §5, unmasked', () => {
    expect(body.slice(0, 2)).toEqual(['南宁市青秀区信访局', '听证笔录']);
    const header = body.slice(2, 17);
    expect(header).toEqual([
      `事由：${wangRecord.matter}`,
      '编号：青信访〔2026〕第0317号',
      '听证机关：南宁市青秀区信访局',
      '时间：2026年12月8日9时30分至11时25分',
      '地点：青秀区信访局三楼听证室',
      '方式：公开',
      '主持人：刘明远（南宁市青秀区信访局）',
      '听证员：黄志刚（青秀区人大常委会）、梁秀英（青秀区政协）、韦建国（广西邕江律师事务所）、覃丽华（广西大学法学院）、陆海峰（东城街道东葛社区）',
      '记录员：赵敏',
      `信访人：王建平，男，身份证号码：${cast.petitioner.idNumber}，住址：广西壮族自治区南宁市青秀区东葛路118号3栋2单元501室，联系电话：13877112345`,
      '委托代理人：张志强，男，广西法正律师事务所律师，代理权限：特别授权（代为陈述、举证、质证）',
      '办理机关：青秀区住房和城乡建设局，出席人员：陈立新（青秀区住房和城乡建设局副局长）、莫晓东（青秀区房屋征收办公室科长）',
      '旁听人数：12人',
      expect.stringMatching(/^9:28　记录员核对到场人员身份/),
      '9:30　记录员宣读听证纪律。',
    ]);
    expect(cast.petitioner.idNumber).toMatch(/^\d{17}[\dX]$/);
  });

  it('writes a non-public hearing with its reason, and a sitting over two days with both dates', async () => {
    const other = partsOf(await buildRecordDocument({ ...wangRecord, isPublic: false, nonPublicReason: '涉及个人隐私', endsAt: '2026-12-09T10:05' }));
    const text = paragraphs(other['word/document.xml']!);
    expect(text).toContain('方式：不公开（理由：涉及个人隐私）');
    expect(text).toContain('时间：2026年12月8日9时30分至2026年12月9日10时5分');
  });

  it('has every entry on the record, in order, with its time and speaker tag; the aside off the record is left out', () => {
    const onRecord = wangRecordEntries.filter((entry) => !entry.offRecord);
    expect(onRecord).toHaveLength(40);
    const expected = onRecord.map((entry) => `${entryClock(entry.time)}　${entryTag(entry)}${entry.text.replace(/\n/g, '')}`);
    const first = body.indexOf(expected[0]!);
    expect(first).toBeGreaterThan(0);
    expect(body.slice(first, first + expected.length)).toEqual(expected);

    expect(body).toContain('9:31　主持人：现在宣布听证开始。今天依法就王建平不服东城街道房屋征收补偿决定信访事项举行公开听证。');
    expect(body).toContain('10:13　问：信访人，你是什么时候收到补偿决定书的？');
    expect(body).toContain('10:13　答：2026年7月15日，是街道的人送到家里的。');
    expect(body).toContain('10:09　办理机关（青秀区住房和城乡建设局 陈立新）：对信访人证据1、证据2的真实性、合法性、关联性均无异议。');
    expect(parts['word/document.xml']).not.toContain('糊弄');
  });

  it('writes the procedural events as paragraphs of their own, without a speaker tag', () => {
    for (const text of ['进入“质证”环节。', '主持人宣布休会，听证员进行评议。', '主持人宣布复会。', '信访人出示证据1：房屋所有权证复印件1份，共2页。']) {
      expect(body.filter((paragraph) => paragraph.endsWith(`　${text}`))).toHaveLength(1);
    }
  });

  it('includes the refused correction as the record notes it', () => {
    expect(body).toContain('11:20　信访人王建平要求将“只按72平方米算”改为“只按72平方米计算补偿”，主持人不予补正，理由：原话已如实记录。');
  });

  it('keeps a line break typed with Shift+Enter', () => {
    const xml = parts['word/document.xml']!;
    expect(xml).toMatch(/补偿决定只按72平方米算。<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">另外，评估报告/);
  });

  it('ends with the closing sentence, the parties’ signatures, then the presiding officer, the panel and the clerk; a refusal is noted', () => {
    const closing = body.indexOf('以上笔录我已看过（向我宣读过），与我所说的相符。');
    expect(closing).toBe(body.length - 11);
    expect(body.slice(closing + 1)).toEqual([
      '信访人王建平签名：________　年　月　日',
      '委托代理人张志强签名：________　年　月　日',
      '办理机关陈立新拒绝签字，理由：对评议结论有异议。',
      '主持人刘明远签名：________　年　月　日',
      '听证员黄志刚签名：________　年　月　日',
      '听证员梁秀英签名：________　年　月　日',
      '听证员韦建国签名：________　年　月　日',
      '听证员覃丽华签名：________　年　月　日',
      '听证员陆海峰签名：________　年　月　日',
      '记录员赵敏签名：________　年　月　日',
    ]);
    // The closing block stays together, so the signatures share the last page with the sentence.
    const xmlParagraphs = [...parts['word/document.xml']!.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => match[0]);
    const tail = xmlParagraphs.slice(-11);
    expect(tail.slice(0, -1).every((paragraph) => paragraph.includes('<w:keepNext/>'))).toBe(true);
  });

  it('uses the closing sentence the signer wrote, and notes an absent signer', async () => {
    const data: RecordDocumentData = {
      ...wangRecord,
      closingSentence: '以上笔录已向我宣读，记录属实。',
      signers: [{ role: 'party', label: '信访人', name: '王建平', absent: true }],
    };
    const text = paragraphs(partsOf(await buildRecordDocument(data))['word/document.xml']!);
    expect(text.slice(-2)).toEqual(['以上笔录已向我宣读，记录属实。', '信访人王建平未到场，未签字。']);
  });

  it('has English labels for the same record', async () => {
    const english = partsOf(await buildRecordDocument(wangRecord, { language: 'en' }));
    const text = paragraphs(english['word/document.xml']!);
    expect(text[0]).toBe('Hearing Record');
    expect(text).toContain('Time: 8 December 2026, 09:30 to 11:25');
    expect(text).toContain('Manner: Public');
    expect(text).toContain('10:13 Q: 信访人，你是什么时候收到补偿决定书的？');
    expect(text).toContain('I have read this record (it has been read to me), and it agrees with what I said.');
    const footer = Object.entries(english).find(([path]) => /^word\/footer\d*\.xml$/.test(path))![1];
    expect(paragraphs(footer)).toEqual(['Petitioner signature: ________', 'Page  of ']);
  });

  it('uses the template’s name for the party in the footer', async () => {
    const other = partsOf(await buildRecordDocument({ ...wangRecord, partyLabel: '申请人' }));
    const footer = Object.entries(other).find(([path]) => /^word\/footer\d*\.xml$/.test(path))![1];
    expect(paragraphs(footer)[0]).toBe('申请人签名：________');
  });

  it('gives the same bytes for the same data, across the clock', async () => {
    const again = await buildRecordDocument(wangRecord, { officeName: '南宁市青秀区信访局' });
    expect(again.equals(docx)).toBe(true);
    // Every zip entry carries the fixed time (1980-01-01 00:00), not the clock's.
    const times = zipTimes(docx);
    expect(times.length).toBe(2 * Object.keys(parts).length);
    expect(new Set(times)).toEqual(new Set([0x00210000]));
    // Different data, different bytes.
    const other = await buildRecordDocument({ ...wangRecord, observerCount: 13 }, { officeName: '南宁市青秀区信访局' });
    expect(other.equals(docx)).toBe(false);
  });

  it('refuses a buffer that is not a zip', () => {
    expect(() => fixZipTimestamps(Buffer.from('not a zip file at all, just text that is long enough'))).toThrow(/not a zip/);
  });
});
