import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion } from './electron-binary.js';

/**
 * Builds better-sqlite3 for Electron's ABI into native/electron/, beside (not
 * over) the Node build in node_modules that the tests use. It fetches
 * Electron's headers, so it runs only where Electron itself can be had:
 * from `npm start` and from electron-builder's beforePack hook.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const target = join(root, 'native', 'electron', 'better_sqlite3.node');

export function buildNativeForElectron({ arch = process.arch, force = false } = {}) {
  if (existsSync(target) && !force) return target;
  const work = join(root, 'build', 'native-src', 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true, filter: (source) => !source.includes(`${'/'}build${'/'}`) });
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
      'rebuild',
      '--release',
      `--target=${electronVersion()}`,
      `--arch=${arch}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, stdio: 'inherit' },
  );
  mkdirSync(join(root, 'native', 'electron'), { recursive: true });
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`better-sqlite3 for Electron ${electronVersion()}: ${buildNativeForElectron({ force: process.argv.includes('--force') })}`);
}
