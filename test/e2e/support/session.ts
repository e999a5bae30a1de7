import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, type RunnerTestCase, type RunnerTestSuite } from 'vitest';
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

function testsOf(suite: RunnerTestSuite): RunnerTestCase[] {
  return suite.tasks.flatMap((task) => (task.type === 'suite' ? testsOf(task) : task.type === 'test' && task.mode === 'run' ? [task] : []));
}

/**
 * One Chromium per test file, and hosts that never outlive their test.
 *
 * A host on a fresh data folder takes seconds to start and sign in on a busy
 * machine, most of it loading the core. So the next one is started while the
 * current test runs, on its own fresh folder, and handed to the next test that
 * asks for a fresh host: the same process, folder and sign-in that test would
 * have started itself, only earlier. Until then nothing talks to it.
 */
export function e2eSession(): E2eSession {
  let browser: Browser | undefined;
  const hosts: HostProcess[] = [];
  let spare: Promise<HostProcess> | undefined;
  let tests: RunnerTestCase[] = [];
  /** The tests of this file still to run after the current one: a spare started for none of them would only be stopped again. */
  let laterTests: RunnerTestCase[] = [];

  function startSpare(): void {
    const starting = startHost();
    // A host that failed to start fails the test that takes it, not the run in the meantime.
    starting.catch(() => undefined);
    spare = starting;
  }

  // Vitest hands the file second; the first parameter must be a destructuring pattern, even an empty one.
  beforeAll(async ({}, file) => {
    tests = testsOf(file);
    laterTests = tests;
    if (tests.length > 0) startSpare();
    browser = await launchBrowser();
  });
  beforeEach(({ task }) => {
    laterTests = tests.slice(tests.indexOf(task) + 1);
  });
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((each) => each.stop()));
    expect(missingTranslations.splice(0), 'texts missing from the translations').toEqual([]);
  });
  afterAll(async () => {
    const left = spare;
    spare = undefined;
    await Promise.all([
      browser?.close(),
      left?.then(
        (host) => host.stop(),
        () => undefined,
      ),
    ]);
  });
  const running = (): Browser => {
    if (!browser) throw new Error('the browser starts in beforeAll');
    return browser;
  };
  return {
    async host(dataDir) {
      let started: Promise<HostProcess>;
      if (dataDir === undefined && spare) {
        started = spare;
        spare = undefined;
        if (laterTests.length > 0) startSpare();
      } else {
        started = startHost(dataDir);
      }
      const host = await started;
      hosts.push(host);
      return host;
    },
    open: (url) => openPage(running(), url, tokenFor(url)),
    browser: running,
  };
}
