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

/** The visible text of each paragraph of a part, in order, with XML's escapes undone. */
export function paragraphs(xml: string): string[] {
  return paragraphXml(xml).map((paragraph) =>
    [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((text) => text[1] ?? '')
      .join('')
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
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
