import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';

/** The .docx is a zip: its parts as text. */
export function partsOf(docx: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(docx));
  return Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

/** Each paragraph (`w:p`) of a part, as XML. */
export function paragraphXml(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => match[0]);
}

/** The visible text of a piece of a part (a paragraph, a table cell), with XML's escapes undone. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((text) => text[1] ?? '')
    .join('')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The visible text of each paragraph of a part, in order. */
export function paragraphs(xml: string): string[] {
  return paragraphXml(xml).map(textOf);
}

/** Each table row (`w:tr`) of a part or a table, as its cells' text. */
export function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => textOf(cell[0])));
}

/** The XML of one paragraph style in styles.xml. */
export function styleXml(styles: string, id: string): string {
  const found = styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`));
  expect(found, `style ${id}`).not.toBeNull();
  return found![0];
}

/** The footer parts a document's section refers to, by type (default, even, first). */
export function footersOf(parts: Record<string, string>): Record<string, string> {
  const document = parts['word/document.xml']!;
  const rels = parts['word/_rels/document.xml.rels']!;
  return Object.fromEntries(
    [...document.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map(([, type, id]) => {
      const target = rels.match(new RegExp(`Id="${id}" Type="[^"]+/footer" Target="([^"]+)"`))![1];
      return [type, parts[`word/${target}`]!];
    }),
  );
}

/** A built .docx opened for reading: its parts, and the text of the body's paragraphs. */
export function opened(docx: Buffer): { parts: Record<string, string>; body: string[] } {
  const parts = partsOf(docx);
  return { parts, body: paragraphs(parts['word/document.xml']!) };
}

/** The house page and type every document shares: A4, the 22 × 28 grid, 小标宋 title, 仿宋 body, 黑体 headings. */
export function expectHouseLayout(parts: Record<string, string>): void {
  const xml = parts['word/document.xml']!;
  expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
  expect(xml).toMatch(/<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"\/>/);
  const styles = parts['word/styles.xml']!;
  expect(styleXml(styles, 'HdTitle')).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*<w:sz w:val="44"\/>/);
  expect(styleXml(styles, 'HdBody')).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="32"\/>/);
  expect(styleXml(styles, 'HdHeading1')).toMatch(/w:eastAsia="黑体"/);
}
