import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 built for Electron's ABI lives apart from the Node build the
 * tests use (see scripts/build-native-electron.js). Inside an asar archive it
 * is read from the unpacked copy, since a .node file cannot load from asar.
 */
export function electronNativeBinding(appPath: string): string | undefined {
  const file = join(appPath, 'native', 'electron', 'better_sqlite3.node').replace(`app.asar${'/'}`, 'app.asar.unpacked/');
  return existsSync(file) ? file : undefined;
}
