import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { printPage, type DocumentKind, type Language } from '../contract/index.js';

/**
 * A document to make a PDF of: its .docx, and which document of which hearing
 * it is, for renderers that print the app's own print page instead (#/print/…).
 */
export interface PdfSource {
  name: string;
  bytes: Buffer;
  hearingId: string;
  kind: DocumentKind;
  language: Language;
  /** A token for the print page, good for fetching the document alone, when the renderer loads the app's page. */
  grant?: string;
}

/** Turns documents into PDFs; which one made a package's PDFs is stated in its manifest. */
export interface PdfRenderer {
  /** What the manifest names, e.g. `LibreOffice (soffice)`. */
  name: string;
  render(documents: ReadonlyArray<PdfSource>): Promise<Array<{ name: string; bytes: Buffer }>>;
}

/** The PDF's name beside its document's. */
export const pdfName = (documentName: string) => documentName.replace(/\.docx$/, '.pdf');

/**
 * Evaluated in the print page by the renderers that load it: resolves with
 * null once the sheets are ready, or with the reason the page shows when it failed.
 */
export const printPageSettled = `new Promise((resolve) => {
  const check = () => {
    const state = document.documentElement.getAttribute(${JSON.stringify(printPage.readyAttribute)});
    if (state === 'ready') resolve(null);
    else if (state === 'failed') resolve(document.body.innerText.trim().split('\\n')[0] || 'the print page failed');
    else setTimeout(check, 50);
  };
  check();
})`;

const run = promisify(execFile);

/** The first `soffice` on the PATH, or undefined. */
export function findSoffice(path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, process.platform === 'win32' ? 'soffice.exe' : 'soffice');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder: try the next.
    }
  }
  return undefined;
}

/**
 * LibreOffice converts every document in one run, from a private profile in
 * a temporary folder: a profile left by a running LibreOffice would make the
 * conversion wait for it or fail.
 */
export function libreOfficeRenderer(soffice: string): PdfRenderer {
  return {
    name: 'LibreOffice (soffice)',
    async render(documents) {
      const dir = await mkdtemp(join(tmpdir(), 'hearing-desk-pdf-'));
      try {
        const inputs = documents.map((document, index) => ({ ...document, file: join(dir, `${index + 1}.docx`) }));
        for (const input of inputs) await writeFile(input.file, input.bytes);
        await run(
          soffice,
          [
            `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            join(dir, 'out'),
            ...inputs.map((input) => input.file),
          ],
          { timeout: 180_000 },
        );
        return Promise.all(inputs.map(async (input, index) => ({ name: pdfName(input.name), bytes: await readFile(join(dir, 'out', `${index + 1}.pdf`)) })));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
