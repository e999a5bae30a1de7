import type { GeneratedDocument } from '../../../../electron/core/contract/index.js';
import { prepareForPrint } from './docxForPrint.js';
import { paginate } from './paginate.js';

/**
 * The sheets are A4 boxes already (docx-preview gives each section the page's
 * size and margins as padding), so the printer's own margin is zero and each
 * sheet is exactly one printed page. The article is the type area: between
 * the header and the footer, cut off at the sheet's foot, so paginate.ts can
 * measure what fits.
 */
const printStyle = `
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; background: white; }
body { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
section.docx { overflow: hidden; break-after: page; }
section.docx:last-of-type { break-after: auto; }
section.docx > article { flex: 1 1 0; min-height: 0; overflow: hidden; margin-bottom: 0; }
`;

/** Fonts and images (the signatures, the seal's QR code) must be in before the layout is measured or printed. */
async function settled(page: Document): Promise<void> {
  await Promise.all(Array.from(page.images, (image) => image.decode().catch(() => undefined)));
  await page.fonts.ready;
}

/**
 * Renders a generated .docx as A4 sheets into `container`, which must be laid
 * out at A4 width so what paginate.ts measures is what prints: the print
 * button's hidden frame and the print page (#/print/…) both go through here.
 * Returns a function that removes the styles it added to the document's head.
 */
export async function renderSheets(generated: GeneratedDocument, container: HTMLElement): Promise<() => void> {
  // Loaded on first print only, so the main bundle does not carry docx-preview and JSZip.
  const { parseAsync, renderDocument } = await import('docx-preview');
  const page = container.ownerDocument;
  const bytes = Uint8Array.from(atob(generated.base64), (char) => char.charCodeAt(0));
  // Images as data: URLs: img-src allows them, and there are no object URLs to revoke afterwards.
  const options = { inWrapper: false, breakPages: true, useBase64URL: true, renderHeaders: true, renderFooters: true };
  const parsed = await parseAsync(bytes, options);
  prepareForPrint(parsed);
  const nodes = await renderDocument(parsed, options);
  const style = page.createElement('style');
  style.textContent = printStyle;
  const styles = [...nodes.filter((node) => node.nodeName === 'STYLE'), style];
  // docx-preview's own <style> elements go to the head (style-src allows inline styles), the sheets to the container.
  for (const node of nodes) if (node.nodeName !== 'STYLE') container.append(node);
  page.head.append(...styles);
  await settled(page);
  paginate(container);
  return () => styles.forEach((node) => node.parentNode?.removeChild(node));
}
