import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, screen, session, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import type { Core } from '../core/app.js';
import type { Result } from '../core/contract/index.js';
import { AppError } from '../core/errors.js';
import { startCore, type LiveCore } from '../core/lifecycle.js';
import { createTranslator, describeError } from '../core/i18n.js';
import { electronNativeBinding } from './native-binding.js';
import { electronPdfRenderer } from './print-pdf.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import {
  acceptsIpcFrom,
  allowedPermissions,
  allowsNavigation,
  appOrigin,
  appWindowOptions,
  childWindowKind,
  isAppPage,
  type ChildWindowKind,
} from './security-policy.js';

const appRoot = app.getAppPath();
/** `--data=DIR` points the app at another data folder (tests, a second office); default is Electron's user-data path. */
const dataArg = process.argv.find((arg) => arg.startsWith('--data='))?.slice('--data='.length);
const resourcesDir = join(appRoot, 'resources');
let live: LiveCore | undefined;

registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
}

function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!allowsNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!allowsNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const kind = childWindowKind(url);
    if (!kind) return { action: 'deny' };
    return { action: 'allow', overrideBrowserWindowOptions: childWindowOptions(kind) };
  });
}

const preloadPath = () => join(appRoot, 'build', 'electron', 'preload', 'index.cjs');

/** The public display opens full-screen on the external screen when one is connected (the projector or wall TV). */
function childWindowOptions(kind: ChildWindowKind): BrowserWindowConstructorOptions {
  const options = appWindowOptions(preloadPath());
  // The read-back and the rating screen are used with the laptop's own mouse and keyboard, so they open as windows here.
  if (kind !== 'display') return { ...options, show: true, width: 1280, height: 800 };
  const primary = screen.getPrimaryDisplay();
  const external = screen.getAllDisplays().find((display) => display.id !== primary.id);
  const bounds = (external ?? primary).bounds;
  return {
    ...options,
    show: true,
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    fullscreen: external !== undefined,
    autoHideMenuBar: true,
  };
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(appWindowOptions(preloadPath()));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${appOrigin}/index.html`);
  return window;
}

function forwardEvents(opened: Core): void {
  opened.events.on((event) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (isAppPage(window.webContents.getURL())) window.webContents.send('app:event', event);
    }
  });
}

async function start(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(allowedPermissions.has(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => allowedPermissions.has(permission));
  try {
    // A damaged database opens the window in recovery mode (the renderer shows the restore offer); anything else stops here.
    live = startCore({
      dataDir: dataArg || app.getPath('userData'),
      resourcesDir,
      nativeBinding: electronNativeBinding(appRoot),
      pdf: electronPdfRenderer(preloadPath()),
    });
  } catch (error) {
    const t = await createTranslator(resourcesDir);
    const message = error instanceof AppError ? describeError(t, error.toData()) : String(error);
    dialog.showErrorBox('听证台 Hearing Desk', message);
    app.exit(2);
    return;
  }
  const opened = live.core;
  serveRenderer(join(appRoot, 'build', 'renderer'), opened);
  ipcMain.handle('app:invoke', (event, method: unknown, input: unknown, session: unknown): Promise<Result<unknown>> | Result<never> => {
    if (!acceptsIpcFrom(event.senderFrame, event.sender.mainFrame)) {
      return { ok: false, error: { code: 'contract/badRequest', params: { reason: 'sender' } } };
    }
    return opened.router.invoke(method, input, { session: typeof session === 'string' ? session : null });
  });
  forwardEvents(opened);
  createMainWindow();
}

app.on('web-contents-created', (_event, contents) => hardenContents(contents));
app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => live?.core.close());
app.on('activate', () => {
  if (live && BrowserWindow.getAllWindows().length === 0) createMainWindow();
});

void app.whenReady().then(start);
