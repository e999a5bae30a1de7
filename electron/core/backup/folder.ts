import { readFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The backup folder is a setting in the database, and also this small file
 * beside it: when the database is damaged at start, it is the one way left
 * to find the latest backup.
 */
export const backupFolderFileName = 'backup-folder';

export function readBackupFolderFile(dataDir: string): string {
  try {
    return readFileSync(join(dataDir, backupFolderFileName), 'utf8').trim();
  } catch {
    return '';
  }
}

/** Written to a temporary name and renamed, so a crash leaves the old folder or the new one, never half a path. */
export async function writeBackupFolderFile(dataDir: string, folder: string): Promise<void> {
  const file = join(dataDir, backupFolderFileName);
  if (folder === '') {
    await rm(file, { force: true });
    return;
  }
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(`${folder}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}
