import { open, stat } from 'node:fs/promises';
import { FileStore, magicBytesLength, mediaTypeOf } from '../files/store.js';
import type { EvidenceFiles } from './service.js';

/** The exhibit register's view of the store: whether a file is there, how big, and what kind, from its first bytes. */
export function storeFiles(store: FileStore): EvidenceFiles {
  return {
    async describe(sha256, originalName) {
      const path = store.pathOf(sha256);
      try {
        const { size } = await stat(path);
        const handle = await open(path, 'r');
        try {
          const head = Buffer.alloc(Math.min(magicBytesLength, size));
          await handle.read(head, 0, head.length, 0);
          return { size, mediaType: mediaTypeOf(originalName, head) };
        } finally {
          await handle.close();
        }
      } catch {
        return null;
      }
    },
  };
}
