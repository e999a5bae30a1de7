import type { DocumentKind, Language, Result } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { renderSheets } from './printSheets.js';

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
    await renderSheets(result.value, page.body);
  } catch (error) {
    frame.remove();
    throw error;
  }
  view.addEventListener('afterprint', () => frame.remove(), { once: true });
  view.focus();
  view.print();
  return { ok: true, value: undefined };
}
