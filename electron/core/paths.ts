import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const databaseFileName = 'hearing-desk.sqlite';

/** Where a user's data lives when no folder is named (Electron passes its own user-data path instead). */
export function defaultDataDir(): string {
  return join(homedir(), '.hearing-desk');
}

/**
 * The folder holding package.json, found by walking up from a module, so the
 * same code finds `resources/` whether it runs from source or from build/.
 */
export function findAppRoot(fromModuleUrl: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(fromModuleUrl));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'hearing-desk') {
      return dir;
    }
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error(`hearing-desk package root not found above ${fromModuleUrl}`);
    dir = parent;
  }
}
