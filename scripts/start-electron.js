import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildNativeForElectron } from './build-native-electron.js';
import { findElectronBinary, missingElectronAdvice } from './electron-binary.js';

const root = fileURLToPath(new URL('..', import.meta.url));

let binary = findElectronBinary();
if (!binary && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('Fetching the Electron binary (first start only)…');
  spawnSync(process.execPath, [fileURLToPath(new URL('../node_modules/electron/install.js', import.meta.url))], { stdio: 'ignore' });
  binary = findElectronBinary();
}
if (!binary) {
  console.error(missingElectronAdvice);
  process.exit(1);
}

try {
  buildNativeForElectron();
} catch (error) {
  console.error(`Could not build better-sqlite3 for Electron: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
