import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { printPage } from '../core/contract/index.js';
import { pdfName, printPageSettled, type PdfRenderer } from '../core/seal/pdf.js';
import { devToolsPipe, type DevToolsPipe } from './cdp-pipe.js';

const chromiumNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** HEARING_DESK_CHROMIUM if set, else the first Chromium or Chrome on the PATH, or undefined. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.HEARING_DESK_CHROMIUM) return env.HEARING_DESK_CHROMIUM;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of chromiumNames) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {
        // Not here: try the next.
      }
    }
  }
  return undefined;
}

/** One document, from a blank tab to the printed bytes; the tab goes afterwards. */
async function printOne(pipe: DevToolsPipe, url: string): Promise<Buffer> {
  const { targetId } = await pipe.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await pipe.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  try {
    await pipe.send('Page.enable', {}, sessionId);
    const loaded = pipe.once('Page.loadEventFired', sessionId);
    await pipe.send('Page.navigate', { url }, sessionId);
    await loaded;
    const settled = await pipe.send<{ result: { value: string | null }; exceptionDetails?: { text: string } }>(
      'Runtime.evaluate',
      { expression: printPageSettled, awaitPromise: true, returnByValue: true },
      sessionId,
    );
    if (settled.exceptionDetails) throw new Error(`print page: ${settled.exceptionDetails.text}`);
    if (settled.result.value !== null) throw new Error(`print page: ${settled.result.value}`);
    // The page's @page rule (A4, no margin) decides; the paper size is the same A4 should it be missing.
    const { data } = await pipe.send<{ data: string }>(
      'Page.printToPDF',
      { preferCSSPageSize: true, printBackground: true, paperWidth: 8.27, paperHeight: 11.69, marginTop: 0, marginBottom: 0, marginLeft: 0, marginRight: 0 },
      sessionId,
    );
    return Buffer.from(data, 'base64');
  } finally {
    await pipe.send('Target.closeTarget', { targetId }).catch(() => undefined);
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * "Chromium's PDF" for the browser host: headless Chromium loads the host's
 * own print page (#/print/…) for each document, waits for it to say it is
 * ready, and prints it, so the PDF is the app's printout, page numbers and
 * signatures in the footers included. One Chromium serves every document, from
 * a private profile in a temporary folder (a running Chromium's profile would
 * be locked), driven over the DevTools pipe rather than --print-to-pdf, which
 * could not wait for the page or tell a failed page from a document.
 * `baseUrl` is asked when rendering: the host knows its address only once it listens.
 */
export function chromiumRenderer(chromium: string, baseUrl: () => string, perDocumentMs = 60_000): PdfRenderer {
  return {
    name: 'Chromium (headless print)',
    async render(documents) {
      const profile = await mkdtemp(join(tmpdir(), 'hearing-desk-chromium-'));
      // --no-sandbox: Chromium's sandbox cannot start as root (containers, CI); the page is the app's own, from loopback.
      const child = spawn(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--no-default-browser-check',
          `--user-data-dir=${profile}`,
          '--remote-debugging-pipe',
          'about:blank',
        ],
        { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
      );
      const exited = new Promise((resolve) => child.once('close', resolve));
      try {
        await new Promise((resolve, reject) => child.once('spawn', resolve).once('error', reject));
        const pipe = devToolsPipe(child);
        const printed: Array<{ name: string; bytes: Buffer }> = [];
        for (const document of documents) {
          const url = new URL(printPage.hash(document.hearingId, document.kind, document.language, document.grant), baseUrl()).href;
          printed.push({ name: pdfName(document.name), bytes: await withTimeout(printOne(pipe, url), perDocumentMs, `printing ${document.name}`) });
        }
        return printed;
      } finally {
        child.kill();
        await exited;
        await rm(profile, { recursive: true, force: true });
      }
    },
  };
}
