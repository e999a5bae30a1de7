import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { usePageClock } from './clock.js';

/** Debian's Chromium: the only browser this machine can have (Playwright's own download is blocked). */
export const chromiumPath = process.env.HEARING_DESK_CHROMIUM ?? '/usr/bin/chromium';

/**
 * What Playwright 1.65 turns off in Chromium (its own `--disable-features`,
 * in playwright-core's chromiumSwitches). Chromium reads only the last
 * `--disable-features`, so the one below must repeat them; launchBrowser
 * checks that it still does after an upgrade.
 */
const playwrightDisabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Every new context opens a browser window, and headless Chromium still loads
 * that window's own address-bar popup (a WebUI page in a renderer of its own)
 * for it: about a third of the CPU that opening the app costs, for a popup no
 * test ever sees.
 */
const browserWindowFeatures = ['PreloadTopChromeWebUI', 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--disable-features=${[...playwrightDisabledFeatures, ...browserWindowFeatures].join(',')}`,
    ],
  });
  const dropped = featuresPlaywrightDisablesBeyond(playwrightDisabledFeatures);
  if (dropped.length > 0) {
    await browser.close();
    throw new Error(`Playwright now also disables ${dropped.join(', ')}: add them to playwrightDisabledFeatures in test/e2e/support/browser.ts`);
  }
  return browser;
}

/** The features Playwright's own `--disable-features` names that `ours` leaves out, read from the command lines of the browsers this process started (Linux). */
function featuresPlaywrightDisablesBeyond(ours: string[]): string[] {
  const dropped = new Set<string>();
  for (const pid of childProcesses()) {
    const args = readProcFile(`/proc/${pid}/cmdline`).split(/[\0 ]/);
    const [playwrights] = args.filter((arg) => arg.startsWith('--disable-features='));
    if (!args.includes('--remote-debugging-pipe') || !playwrights) continue;
    for (const feature of playwrights.slice('--disable-features='.length).split(',')) if (feature && !ours.includes(feature)) dropped.add(feature);
  }
  return [...dropped];
}

function childProcesses(): string[] {
  const tasks = readProcDir(`/proc/${process.pid}/task`);
  return tasks.flatMap((task) => readProcFile(`/proc/${process.pid}/task/${task}/children`).split(' ').filter(Boolean));
}

function readProcFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // Not Linux, or the process is gone: nothing to check.
    return '';
  }
}

function readProcDir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/** Keys the screens asked for that neither language has; the session fails the test that met one. */
export const missingTranslations: string[] = [];

/** A browser profile for the app at `origin`; with `session`, signed in with that token, as it is after the sign-in screen (which its own test drives). */
export async function appContext(browser: Browser, origin: string, session?: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 850 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await usePageClock(context);
  if (session) {
    // What signing in leaves behind: the token for the calls, and the host's HttpOnly cookie for downloads.
    await context.addCookies([{ name: 'hd_session', value: session, url: new URL(origin).origin, httpOnly: true, sameSite: 'Strict' }]);
    await context.addInitScript((token) => {
      if (sessionStorage.getItem('hearing-desk-session') === null) sessionStorage.setItem('hearing-desk-session', token);
    }, session);
  }
  return context;
}

/** A new window on `url`, signed in with `session` if given. */
export async function openPage(browser: Browser, url: string, session?: string): Promise<Page> {
  const context = await appContext(browser, url, session);
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith('missing translation')) missingTranslations.push(message.text());
  });
  await page.goto(url);
  return page;
}

const screenshotDir = resolve(import.meta.dirname, '../../../docs/screenshots');

/** Saves a README screenshot when the run was asked to (npm run screenshots); otherwise does nothing. */
export async function captureForReadme(page: Page, name: string): Promise<void> {
  if (process.env.HEARING_DESK_SCREENSHOTS !== '1') return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
