import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { findSoffice, libreOfficeRenderer, type PdfRenderer } from '../../../electron/core/seal/pdf.js';
import { verifyPackage } from '../../../electron/core/seal/verify.js';
import { finalized } from '../support/finalizable.js';
import { useReadyHearings } from '../support/hearing.js';

const { ready } = useReadyHearings();

async function sealedWith(pdf: PdfRenderer | undefined) {
  const setup = await ready(pdf ? { pdf } : {});
  const { packagePath } = await finalized(setup);
  const files = unzipSync(new Uint8Array(readFileSync(packagePath)));
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { pdf: { renderer: string | null; detail: string } };
  return { setup, packagePath, files, manifest };
}

const fakePdf = (name: string) => Buffer.from(`%PDF-1.7\n% ${name}\n%%EOF\n`);

describe('PDFs in the case package', () => {
  it('holds a PDF of each document, sealed like the rest, and names the renderer that made them', async () => {
    const renderer: PdfRenderer = {
      name: 'test renderer',
      render: async (documents) => documents.map((document) => ({ name: document.name.replace(/\.docx$/, '.pdf'), bytes: fakePdf(document.name) })),
    };
    const { files, manifest, packagePath, setup } = await sealedWith(renderer);
    const documents = Object.keys(files).filter((name) => name.startsWith('documents/'));
    const pdfs = Object.keys(files).filter((name) => name.startsWith('pdf/'));
    expect(pdfs.sort()).toEqual(documents.map((name) => name.replace(/^documents\//, 'pdf/').replace(/\.docx$/, '.pdf')).sort());
    expect(pdfs).toContain(`pdf/${setup.hearing.title}-听证笔录.pdf`);
    expect(manifest.pdf).toEqual({ renderer: 'test renderer', detail: '' });
    expect(await verifyPackage(packagePath)).toMatchObject({ valid: true });
  });

  it('is sealed without PDFs, saying why, when there is no renderer or it fails', async () => {
    const none = await sealedWith(undefined);
    expect(Object.keys(none.files).some((name) => name.startsWith('pdf/'))).toBe(false);
    expect(none.manifest.pdf).toEqual({ renderer: null, detail: 'no PDF renderer on this computer (LibreOffice not found)' });

    const broken: PdfRenderer = { name: 'LibreOffice (soffice)', render: () => Promise.reject(new Error('soffice exited with code 81\nsecond line')) };
    const failed = await sealedWith(broken);
    expect(Object.keys(failed.files).some((name) => name.startsWith('pdf/'))).toBe(false);
    expect(failed.manifest.pdf).toEqual({ renderer: null, detail: 'LibreOffice (soffice) failed: soffice exited with code 81' });
    expect(await verifyPackage(failed.packagePath)).toMatchObject({ valid: true });
  });

  const soffice = findSoffice();
  it.skipIf(!soffice)(
    `renders real PDFs with LibreOffice where it is installed${soffice ? '' : ' — skipped: LibreOffice (soffice) is not installed'}`,
    async () => {
      const { files, manifest } = await sealedWith(libreOfficeRenderer(soffice!));
      expect(manifest.pdf.renderer).toBe('LibreOffice (soffice)');
      const pdfs = Object.entries(files).filter(([name]) => name.startsWith('pdf/'));
      expect(pdfs.length).toBeGreaterThanOrEqual(5);
      for (const [name, bytes] of pdfs) expect(strFromU8(bytes.subarray(0, 5)), name).toBe('%PDF-');
    },
    240_000,
  );
});
