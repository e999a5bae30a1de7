import { BrowserWindow } from 'electron';
import { printPage } from '../core/contract/index.js';
import { pdfName, printPageSettled, type PdfRenderer } from '../core/seal/pdf.js';
import { appOrigin, printWindowOptions } from './security-policy.js';

/**
 * "Electron's printToPDF": each document's print page (#/print/…) in a hidden
 * window with the app window's own secure options, printed once it says it is
 * ready, so the PDF is the app's printout, footers and page numbers included.
 * The window is the main process's own: it is an app page (it calls the core
 * like any other), and loadURL is no navigation the page's policy would judge.
 */
export function electronPdfRenderer(preloadPath: string, perDocumentMs = 60_000): PdfRenderer {
  async function printOne(url: string): Promise<Buffer> {
    const window = new BrowserWindow(printWindowOptions(preloadPath));
    const timer = setTimeout(() => window.destroy(), perDocumentMs);
    try {
      await window.loadURL(url);
      const failure = (await window.webContents.executeJavaScript(printPageSettled)) as string | null;
      if (failure !== null) throw new Error(`print page: ${failure}`);
      // The page's @page rule (A4, no margin) decides; these say the same should it be missing.
      return await window.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
      });
    } catch (error) {
      throw window.isDestroyed() ? new Error(`the print page took longer than ${perDocumentMs / 1000} s`) : error;
    } finally {
      clearTimeout(timer);
      if (!window.isDestroyed()) window.destroy();
    }
  }
  return {
    name: 'Electron (printToPDF)',
    async render(documents) {
      const printed: Array<{ name: string; bytes: Buffer }> = [];
      for (const document of documents) {
        const url = `${appOrigin}/${printPage.hash(document.hearingId, document.kind, document.language, document.grant)}`;
        printed.push({ name: pdfName(document.name), bytes: await printOne(url) });
      }
      return printed;
    },
  };
}
