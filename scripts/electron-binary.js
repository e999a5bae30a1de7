import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const electronPackage = fileURLToPath(new URL('../node_modules/electron/', import.meta.url));

/**
 * The Electron executable if it is on this machine, else undefined. Unlike
 * `require('electron')` it never starts a download, so tests can ask freely.
 */
export function findElectronBinary() {
  const pathFile = join(electronPackage, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : process.platform === 'win32' ? 'electron.exe' : 'electron';
  const candidate = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(electronPackage, 'dist', relative);
  return existsSync(candidate) ? candidate : undefined;
}

export function electronVersion() {
  return JSON.parse(readFileSync(join(electronPackage, 'package.json'), 'utf8')).version;
}

export const missingElectronAdvice = `Electron is not available on this machine: its binary is downloaded from the internet on first use, and that download did not succeed here.
Everything in Hearing Desk also runs without Electron through the browser host: run \`npm run serve -- --port 5199 --data ~/.hearing-desk\` and open http://127.0.0.1:5199/ in Chromium or Chrome. To use the desktop app, run \`npm start\` again on a machine that can reach the Electron download (or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron of the version in package.json).`;
