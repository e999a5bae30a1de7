import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyPackage } from '../../../electron/core/seal/verify.js';
import { chromiumRenderer, findChromium } from '../../../electron/host/chromium-pdf.js';
import { startHost, staticDirFor, type RunningHost } from '../../../electron/host/server.js';
import { finalized } from '../support/finalizable.js';
import { useReadyHearings } from '../support/hearing.js';

const chromium = findChromium();
const staticDir = staticDirFor(resolve(import.meta.dirname, '../../..'));
const built = existsSync(join(staticDir, 'index.html'));
const skipped = !chromium
  ? ' — skipped: no Chromium (set HEARING_DESK_CHROMIUM or put chromium on the PATH)'
  : !built
    ? ' — skipped: run `npm run build` first'
    : '';

const { ready } = useReadyHearings();
const hosts: RunningHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

/** A hearing finalized through a browser host whose PDFs come from Chromium at `binary`, printing that host's print page. */
async function sealedThroughHost(binary: string) {
  let hostUrl = '';
  const setup = await ready({ pdf: chromiumRenderer(binary, () => hostUrl) });
  const host = await startHost({ core: setup.core, staticDir, port: 0 });
  hostUrl = host.url;
  hosts.push(host);
  const { packagePath } = await finalized(setup);
  const files = unzipSync(new Uint8Array(readFileSync(packagePath)));
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { pdf: { renderer: string | null; detail: string } };
  return { setup, host, packagePath, files, manifest };
}

describe.skipIf(skipped !== '')(`Chromium's PDFs through the browser host${skipped}`, () => {
  it('seals one PDF per document, printed from the print page, and names Chromium in the manifest', async () => {
    const { files, manifest, packagePath, setup } = await sealedThroughHost(chromium!);
    expect(manifest.pdf).toEqual({ renderer: 'Chromium (headless print)', detail: '' });
    const documents = Object.keys(files).filter((name) => name.startsWith('documents/'));
    const pdfs = Object.keys(files).filter((name) => name.startsWith('pdf/'));
    expect(pdfs.sort()).toEqual(documents.map((name) => name.replace(/^documents\//, 'pdf/').replace(/\.docx$/, '.pdf')).sort());
    for (const name of pdfs) expect(strFromU8(files[name]!.subarray(0, 5)), name).toBe('%PDF-');
    // Kept for a look at the first page (pdftoppm): the record's header, and its footer with 第 1 页.
    writeFileSync(join(tmpdir(), 'hearing-desk-chromium-record.pdf'), files[`pdf/${setup.hearing.title}-听证笔录.pdf`]!);
    expect(await verifyPackage(packagePath)).toMatchObject({ valid: true });
  }, 240_000);

  it('seals the package without PDFs, saying why, when Chromium cannot start', async () => {
    const { files, manifest, packagePath } = await sealedThroughHost('/nonexistent/chromium');
    expect(Object.keys(files).some((name) => name.startsWith('pdf/'))).toBe(false);
    expect(manifest.pdf.renderer).toBeNull();
    expect(manifest.pdf.detail).toMatch(/^Chromium \(headless print\) failed: .*ENOENT/);
    expect(await verifyPackage(packagePath)).toMatchObject({ valid: true });
  }, 120_000);

  it('refuses to make a PDF of a print page that failed, with the reason it shows', async () => {
    const setup = await ready();
    const host = await startHost({ core: setup.core, staticDir, port: 0 });
    hosts.push(host);
    const renderer = chromiumRenderer(chromium!, () => host.url);
    const missing = { name: 'x.docx', bytes: Buffer.alloc(0), hearingId: randomUUID(), kind: 'record', language: 'zh-CN' } as const;
    await expect(renderer.render([missing])).rejects.toThrow(/^print page: /);
  }, 120_000);
});
