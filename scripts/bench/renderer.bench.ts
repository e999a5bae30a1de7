import { randomUUID } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { invoke } from '../../test/e2e/support/api.js';
import { launchBrowser } from '../../test/e2e/support/browser.js';
import { startHost, type HostProcess } from '../../test/e2e/support/host.js';
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

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 850 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return context.newPage();
}

function minutesUrl(host: HostProcess, hearingId: string): string {
  return `${host.url}#/hearings/${hearingId}/minutes`;
}

/** Navigation to the moment the newest entry (the one the screen opens on) is on screen. */
async function openMs(page: Page, url: string, expectEntries: boolean): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  if (expectEntries) await page.locator('[data-testid="minutes-list"] [role="listitem"]').last().waitFor();
  await page.getByRole('textbox', { name: '笔录输入', exact: true }).waitFor();
  return performance.now() - started;
}

/**
 * Types `count` characters into the composer and measures each one from the
 * input event to the frame after it was painted (a task posted from the
 * next animation frame runs once that frame is on screen).
 */
async function keystrokeMs(page: Page, count: number): Promise<number[]> {
  const composer = page.getByRole('textbox', { name: '笔录输入', exact: true });
  await composer.click();
  await page.evaluate(() => {
    const samples: number[] = [];
    (window as unknown as { keystrokeSamples: number[] }).keystrokeSamples = samples;
    document.addEventListener(
      'input',
      (event) => {
        const started = event.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => samples.push(performance.now() - started);
          channel.port2.postMessage(null);
        });
      },
      true,
    );
  });
  const text = '评估报告没有考虑装修和附属物的价值补偿标准低于同地段商品房市场价我方已依法送达征收补偿决定书';
  for (let index = 0; index < count; index += 1) {
    await page.keyboard.insertText(text.charAt(index % text.length));
    await page.waitForTimeout(25);
  }
  await page.waitForTimeout(200);
  return page.evaluate(() => (window as unknown as { keystrokeSamples: number[] }).keystrokeSamples);
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
        const page = await freshPage(run.browser);
        await openMs(page, minutesUrl(run.host, hearingId), expectEntries);
        const samples = await keystrokeMs(page, quick ? 60 : 200);
        await page.context().close();
        return percentile(samples, 95);
      };
      const empty = await measure(run.seeded.emptyHearingId, false);
      const full = await measure(run.seeded.fullHearingId, true);
      console.error(`renderer.keystroke: input → painted p95, ${quick ? 1000 : entryCount} entries ${full.toFixed(1)} ms, empty record ${empty.toFixed(1)} ms`);
      return result('renderer.keystroke', full, empty, 'ms', 1.5, 16);
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
      const measure = async (hearingId: string, expectEntries: boolean) => {
        const samples: number[] = [];
        for (let round = 0; round < 5; round += 1) {
          const page = await freshPage(run.browser);
          samples.push(await openMs(page, minutesUrl(run.host, hearingId), expectEntries));
          await page.context().close();
        }
        return percentile(samples, 50);
      };
      // The first load warms the host's and the browser's caches for both.
      await measure(run.seeded.emptyHearingId, false);
      const empty = await measure(run.seeded.emptyHearingId, false);
      const full = await measure(run.seeded.fullHearingId, true);
      console.error(`renderer.open: median of 5, ${quick ? 1000 : entryCount} entries ${full.toFixed(0)} ms, empty record ${empty.toFixed(0)} ms`);
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
        const page = await freshPage(run.browser);
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
