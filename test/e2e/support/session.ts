import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser, missingTranslations, openPage } from './browser.js';
import { startHost, type HostProcess } from './host.js';
import { tokenFor } from './operators.js';

export interface E2eSession {
  /** Starts the browser host on a data folder (a fresh one if none is named), the office administrator signed in; stopped after each test. */
  host(dataDir?: string): Promise<HostProcess>;
  /** A window signed in as the office administrator. */
  open(url: string): Promise<Page>;
  browser(): Browser;
}

/** One Chromium per test file, and hosts that never outlive their test. */
export function e2eSession(): E2eSession {
  let browser: Browser | undefined;
  const hosts: HostProcess[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((each) => each.stop()));
    expect(missingTranslations.splice(0), 'texts missing from the translations').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const running = (): Browser => {
    if (!browser) throw new Error('the browser starts in beforeAll');
    return browser;
  };
  return {
    async host(dataDir) {
      const started = await startHost(dataDir);
      hosts.push(started);
      return started;
    },
    open: (url) => openPage(running(), url, tokenFor(url)),
    browser: running,
  };
}
