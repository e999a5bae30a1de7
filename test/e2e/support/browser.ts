import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium: the only browser this machine can have (Playwright's own download is blocked). */
export const chromiumPath = process.env.HEARING_DESK_CHROMIUM ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Keys the screens asked for that neither language has; the session fails the test that met one. */
export const missingTranslations: string[] = [];

/** A browser profile for the app at `origin`; with `session`, signed in with that token, as it is after the sign-in screen (which its own test drives). */
export async function appContext(browser: Browser, origin: string, session?: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 850 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
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
