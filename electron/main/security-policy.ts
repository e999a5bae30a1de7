import type { BrowserWindowConstructorOptions } from 'electron';

/** The renderer is served from this origin by a privileged custom protocol, never from file://. */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://hearing-desk`;

/** Permissions the app's pages may be granted; everything else (camera, geolocation, notifications …) is denied. */
export const allowedPermissions: ReadonlySet<string> = new Set<string>();

/**
 * Options of every app window. Kept free of Electron at run time so a plain
 * Node test can assert the security checklist on them.
 */
export function appWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: '听证台 Hearing Desk',
    backgroundColor: '#f5f6f8',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

/**
 * The hidden window that prints a document to PDF: the app window's options,
 * never shown, and not throttled in the background (a hidden window's timers
 * otherwise fire once a second, and the page waits on them for its sheets).
 */
export function printWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  const options = appWindowOptions(preloadPath);
  return { ...options, show: false, webPreferences: { ...options.webPreferences, backgroundThrottling: false } };
}

/** Only the app's own pages may load in a window or call the core. */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    // Compared by parts: Node gives custom schemes an opaque "null" origin.
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === 'hearing-desk';
  } catch {
    return false;
  }
}

/**
 * The app's renderer page itself. Evidence files and case packages share the
 * app origin (app://hearing-desk/files/…, …/packages/…) but are not the app:
 * they may neither host a window of it, nor be navigated to, nor call the core.
 */
export function isAppPage(url: string | undefined): boolean {
  if (!isAppUrl(url)) return false;
  const { pathname } = new URL(url as string);
  return pathname === '/' || pathname === '/index.html';
}

/**
 * Where a page may navigate (will-navigate, will-redirect): only to the app
 * page itself, as a reload does. The app moves between screens by hash, which
 * is no navigation; everything else (the web, file://, an evidence file, the
 * browser host on loopback) would replace the app under its own preload.
 */
export function allowsNavigation(url: string): boolean {
  return isAppPage(url);
}

/**
 * Whether the main process answers an IPC call: only from the main frame of
 * an app page. A subframe or a page of any other origin gets nothing, even in
 * an app window, and a frame Electron no longer knows (null) neither.
 */
export function acceptsIpcFrom<Frame extends { readonly url: string }>(senderFrame: Frame | null | undefined, mainFrame: Frame): boolean {
  return senderFrame !== null && senderFrame !== undefined && senderFrame === mainFrame && isAppPage(senderFrame.url);
}

export type ChildWindowKind = 'display' | 'chair' | 'readBack' | 'satisfaction';

/**
 * The only windows a page may open: the app's own chair view, public display,
 * read-back and the petitioner's rating screen. Everything else (a link to
 * the web, another route) is refused.
 */
export function childWindowKind(url: string): ChildWindowKind | null {
  if (!isAppPage(url)) return null;
  const hash = new URL(url).hash;
  if (/^#\/display\/[0-9a-f-]{36}$/.test(hash)) return 'display';
  const screen = /^#\/hearings\/[0-9a-f-]{36}\/(chair|readback|satisfaction)$/.exec(hash)?.[1];
  if (screen === 'chair') return 'chair';
  if (screen === 'readback') return 'readBack';
  if (screen === 'satisfaction') return 'satisfaction';
  return null;
}
