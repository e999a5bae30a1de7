import { ZipReader, ZipWriter } from '../../../electron/core/seal/zip.js';

/** Copies a backup to `target` with its manifest changed: how a newer version's or a tampered backup is made. */
export async function rewriteBackupManifest(source: string, target: string, change: (manifest: Record<string, unknown>) => void): Promise<void> {
  const reader = await ZipReader.open(source);
  const writer = await ZipWriter.create(target);
  for (const entry of reader.entries) {
    let bytes = await reader.read(entry);
    if (entry.name === 'backup.json') {
      const manifest = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
      change(manifest);
      bytes = Buffer.from(JSON.stringify(manifest));
    }
    await writer.addBytes(entry.name, bytes);
  }
  await writer.close();
  await reader.close();
}
