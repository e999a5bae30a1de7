import type { DocumentKind, GeneratedDocument, Language, Result } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
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

const frameTestId = 'print-frame';

/** A frame out of sight but laid out at A4 width, so what paginate.ts measures is what prints. */
function createFrame(title: string): { frame: HTMLIFrameElement; page: Document; view: Window } {
  // A print whose dialog never reported closing (headless Chromium fires no afterprint) leaves its frame; the next print clears it.
  document.querySelectorAll(`iframe[data-testid="${frameTestId}"]`).forEach((stale) => stale.remove());
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.dataset.testid = frameTestId;
  Object.assign(frame.style, { position: 'fixed', left: '-10000px', top: '0', width: '210mm', height: '297mm', border: '0' });
  document.body.append(frame);
  const page = frame.contentDocument;
  const view = frame.contentWindow;
  if (!page || !view) {
    frame.remove();
    throw new Error('print frame unavailable');
  }
  page.title = title;
  return { frame, page, view };
}

/** Fonts and images (the signatures, the seal's QR code) must be in before the layout is measured or printed. */
async function settled(page: Document): Promise<void> {
  await Promise.all(Array.from(page.images, (image) => image.decode().catch(() => undefined)));
  await page.fonts.ready;
}

async function render(generated: GeneratedDocument, page: Document): Promise<void> {
  // Loaded on first print only, so the main bundle does not carry docx-preview and JSZip.
  const { parseAsync, renderDocument } = await import('docx-preview');
  const bytes = Uint8Array.from(atob(generated.base64), (char) => char.charCodeAt(0));
  // Images as data: URLs: img-src allows them, and there are no object URLs to revoke afterwards.
  const options = { inWrapper: false, breakPages: true, useBase64URL: true, renderHeaders: true, renderFooters: true };
  const parsed = await parseAsync(bytes, options);
  prepareForPrint(parsed);
  const nodes = await renderDocument(parsed, options);
  const style = page.createElement('style');
  style.textContent = printStyle;
  // docx-preview's own <style> elements go to the head (style-src allows inline styles), the sheets to the body.
  for (const node of nodes) (node.nodeName === 'STYLE' ? page.head : page.body).append(node);
  page.head.append(style);
  await settled(page);
  paginate(page.body);
}

/**
 * Generates a document exactly as 下载（Word） does and opens the print dialog
 * on it, rendered in a hidden frame; the frame goes when the dialog closes.
 * Resolves once the dialog is open (in Electron, once it has closed).
 */
export async function printDocument(hearingId: string, kind: DocumentKind, language: Language): Promise<Result<undefined>> {
  const result = await api.call('documents.generate', { hearingId, kind, language });
  if (!result.ok) return result;
  const { frame, page, view } = createFrame(result.value.fileName.replace(/\.docx$/, ''));
  try {
    await render(result.value, page);
  } catch (error) {
    frame.remove();
    throw error;
  }
  view.addEventListener('afterprint', () => frame.remove(), { once: true });
  view.focus();
  view.print();
  return { ok: true, value: undefined };
}
