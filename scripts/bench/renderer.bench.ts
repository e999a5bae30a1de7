import { randomUUID } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { invoke } from '../../test/e2e/support/api.js';
import { appContext, launchBrowser } from '../../test/e2e/support/browser.js';
import { startHost, type HostProcess } from '../../test/e2e/support/host.js';
import { tokenFor } from '../../test/e2e/support/operators.js';
import { seedReadyHearing } from '../../test/e2e/support/seed.js';
import { percentile, result, type Benchmark } from './harness.js';
import { hearingWords, seededRandom, SpeechGenerator } from './minutes-corpus.js';
import { tempDir } from './temp.js';

/**
 * The clerk's screen in Chromium with a 4-hour record (5,000 entries) against
 * the same screen with an empty record, in the same run: the ratio is what
 * the length of the record costs; the absolute ceilings (16 ms per
 * keystroke, 1 s to open, 150 MB of heap) must hold as well.
 */
const entryCount = 5000;

interface Seeded {
  dataDir: string;
  fullHearingId: string;
  emptyHearingId: string;
}

let seeded: Promise<Seeded> | undefined;

/** One data folder with two hearings, the 王建平 one carrying 5,000 entries; each benchmark runs on a copy. */
function seed(quick: boolean): Promise<Seeded> {
  seeded ??= (async () => {
    const dataDir = tempDir();
    const host = await startHost(dataDir);
    try {
      const full = await seedReadyHearing(host.url);
      const empty = await seedReadyHearing(host.url);
      await invoke(host.url, 'procedure.start', { hearingId: full.hearing.id });
      const speakers = Object.values(full.people).map((person) => person.id);
      const random = seededRandom(20261208);
      const speech = new SpeechGenerator(random);
      const words = hearingWords(random);
      const count = quick ? 1000 : entryCount;
      for (let index = 0; index < count; index += 1) {
        await invoke(host.url, 'minutes.append', {
          hearingId: full.hearing.id,
          clientId: randomUUID(),
          kind: 'speech',
          speakerId: speakers[index % speakers.length] ?? null,
          text: speech.entry(words),
          startedAt: new Date(Date.UTC(2026, 11, 8, 1, 30) + index * 2800).toISOString(),
        });
      }
      return { dataDir, fullHearingId: full.hearing.id, emptyHearingId: empty.hearing.id };
    } finally {
      await host.stop();
    }
  })();
  return seeded;
}

interface Session {
  host: HostProcess;
  browser: Browser;
  seeded: Seeded;
  close(): Promise<void>;
}

async function session(quick: boolean): Promise<Session> {
  const source = await seed(quick);
  const dataDir = tempDir();
  cpSync(source.dataDir, dataDir, { recursive: true });
  const host = await startHost(dataDir);
  const browser = await launchBrowser();
  return {
    host,
    browser,
    seeded: source,
    async close() {
      await browser.close();
      await host.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new window on the host, signed in as the office administrator the host support set up. */
async function freshPage(browser: Browser, host: HostProcess): Promise<Page> {
  const context = await appContext(browser, host.url, tokenFor(host.url));
  return context.newPage();
}

function minutesUrl(host: HostProcess, hearingId: string): string {
  return `${host.url}#/hearings/${hearingId}/minutes`;
}

async function minutesReady(page: Page, expectEntries: boolean): Promise<void> {
  if (expectEntries) await page.locator('[data-testid="minutes-list"] [role="listitem"]').last().waitFor();
  await page.getByRole('textbox', { name: '笔录输入', exact: true }).waitFor();
}

/** A cold start of the page at the minutes, to the moment the newest entry (the one the screen opens on) is on screen and the composer is ready. */
async function openMs(page: Page, url: string, expectEntries: boolean): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  await minutesReady(page, expectEntries);
  return performance.now() - started;
}

/**
 * Opening a hearing as the clerk does it, in the running app: from the
 * hearing list to its minutes, with the record loaded and the composer ready.
 */
async function openFromListMs(page: Page, host: HostProcess, hearingId: string, expectEntries: boolean): Promise<number> {
  await page.goto(host.url);
  await page.getByRole('button', { name: /新建听证/ }).waitFor();
  const started = performance.now();
  await page.evaluate(`window.location.hash = '#/hearings/${hearingId}/minutes'`);
  await minutesReady(page, expectEntries);
  return performance.now() - started;
}

interface KeystrokeSamples {
  /** From the input event until the screen's work for it is done: handlers, React's render and commit, style and layout. */
  laidOut: number[];
  /** From the input event until the next frame is on screen, which includes waiting for the 60 Hz frame clock. */
  nextFrame: number[];
}

/**
 * Types `count` characters into the composer and times each. `laidOut` ends
 * in a task queued behind the input event that forces style and layout, so it
 * covers everything the keystroke makes the page do; `nextFrame` ends in a
 * task posted from the next animation frame, once that frame is painted.
 */
async function keystrokeMs(page: Page, count: number): Promise<KeystrokeSamples> {
  const composer = page.getByRole('textbox', { name: '笔录输入', exact: true });
  await composer.click();
  // A string, not a function: the bench runs through tsx, whose helpers a page does not have.
  await page.evaluate(`(() => {
    const samples = { laidOut: [], nextFrame: [] };
    window.keystrokeSamples = samples;
    const after = (done) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = done;
      channel.port2.postMessage(null);
    };
    document.addEventListener('input', (event) => {
      const started = event.timeStamp;
      after(() => {
        void document.body.offsetHeight;
        samples.laidOut.push(performance.now() - started);
      });
      requestAnimationFrame(() => after(() => samples.nextFrame.push(performance.now() - started)));
    }, true);
  })()`);
  const text = '评估报告没有考虑装修和附属物的价值补偿标准低于同地段商品房市场价我方已依法送达征收补偿决定书';
  for (let index = 0; index < count; index += 1) {
    await page.keyboard.insertText(text.charAt(index % text.length));
    await page.waitForTimeout(25);
  }
  await page.waitForTimeout(200);
  return page.evaluate(() => (window as unknown as { keystrokeSamples: KeystrokeSamples }).keystrokeSamples);
}

/** Bytes of live JavaScript heap after a full collection. */
async function heapBytes(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usage.usedSize;
}

export const rendererKeystroke: Benchmark = {
  name: 'renderer.keystroke',
  async run({ quick }) {
    const run = await session(quick);
    try {
      const measure = async (hearingId: string, expectEntries: boolean) => {
        const page = await freshPage(run.browser, run.host);
        await openMs(page, minutesUrl(run.host, hearingId), expectEntries);
        const samples = await keystrokeMs(page, quick ? 60 : 200);
        await page.context().close();
        return { laidOut: percentile(samples.laidOut, 95), nextFrame: percentile(samples.nextFrame, 95) };
      };
      const empty = await measure(run.seeded.emptyHearingId, false);
      const full = await measure(run.seeded.fullHearingId, true);
      const entries = quick ? 1000 : entryCount;
      console.error(
        `renderer.keystroke p95: input → laid out ${full.laidOut.toFixed(1)} ms with ${entries} entries, ${empty.laidOut.toFixed(1)} ms with none; ` +
          `input → next frame on screen ${full.nextFrame.toFixed(1)} ms and ${empty.nextFrame.toFixed(1)} ms (the 60 Hz frame clock is the floor)`,
      );
      return result('renderer.keystroke', full.laidOut, empty.laidOut, 'ms', 1.5, 16);
    } finally {
      await run.close();
    }
  },
};

export const rendererOpen: Benchmark = {
  name: 'renderer.open',
  async run({ quick }) {
    const run = await session(quick);
    try {
      const measure = async (open: (page: Page) => Promise<number>) => {
        const samples: number[] = [];
        for (let round = 0; round < 5; round += 1) {
          const page = await freshPage(run.browser, run.host);
          samples.push(await open(page));
          await page.context().close();
        }
        return percentile(samples, 50);
      };
      const { emptyHearingId, fullHearingId } = run.seeded;
      // The first round warms the host's and the browser's caches.
      await measure((page) => openFromListMs(page, run.host, emptyHearingId, false));
      const empty = await measure((page) => openFromListMs(page, run.host, emptyHearingId, false));
      const full = await measure((page) => openFromListMs(page, run.host, fullHearingId, true));
      const coldEmpty = await measure((page) => openMs(page, minutesUrl(run.host, emptyHearingId), false));
      const coldFull = await measure((page) => openMs(page, minutesUrl(run.host, fullHearingId), true));
      const entries = quick ? 1000 : entryCount;
      console.error(
        `renderer.open, medians of 5: from the hearing list ${full.toFixed(0)} ms with ${entries} entries, ${empty.toFixed(0)} ms with none; ` +
          `cold start of the page (bundle parse included) ${coldFull.toFixed(0)} ms and ${coldEmpty.toFixed(0)} ms`,
      );
      return result('renderer.open', full, empty, 'ms', 3, 1000);
    } finally {
      await run.close();
    }
  },
};

export const rendererHeap: Benchmark = {
  name: 'renderer.heap',
  async run({ quick }) {
    const run = await session(quick);
    try {
      const measure = async (hearingId: string, expectEntries: boolean) => {
        const page = await freshPage(run.browser, run.host);
        await openMs(page, minutesUrl(run.host, hearingId), expectEntries);
        await keystrokeMs(page, 20);
        const bytes = await heapBytes(page);
        await page.context().close();
        return bytes / (1024 * 1024);
      };
      const empty = await measure(run.seeded.emptyHearingId, false);
      const full = await measure(run.seeded.fullHearingId, true);
      console.error(`renderer.heap: ${quick ? 1000 : entryCount} entries ${full.toFixed(1)} MB, empty record ${empty.toFixed(1)} MB`);
      return result('renderer.heap', full, empty, 'MB', 3, 150);
    } finally {
      await run.close();
    }
  },
};

/** Removes the seeded data folder once the renderer benchmarks are done. */
export async function discardRendererSeed(): Promise<void> {
  if (!seeded) return;
  const { dataDir } = await seeded;
  rmSync(dataDir, { recursive: true, force: true });
  seeded = undefined;
}
