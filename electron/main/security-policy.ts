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

export type ChildWindowKind = 'display' | 'chair' | 'readBack' | 'satisfaction';

/**
 * The only windows a page may open: the app's own chair view, public display,
 * read-back and the petitioner's rating screen. Everything else (a link to
 * the web, another route) is refused.
 */
export function childWindowKind(url: string): ChildWindowKind | null {
  if (!isAppUrl(url)) return null;
  const hash = new URL(url).hash;
  if (/^#\/display\/[0-9a-f-]{36}$/.test(hash)) return 'display';
  const screen = /^#\/hearings\/[0-9a-f-]{36}\/(chair|readback|satisfaction)$/.exec(hash)?.[1];
  if (screen === 'chair') return 'chair';
  if (screen === 'readback') return 'readBack';
  if (screen === 'satisfaction') return 'satisfaction';
  return null;
}
