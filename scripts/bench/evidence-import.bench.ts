import { randomBytes } from 'node:crypto';
import { copyFile, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256OfHandle } from '../../electron/core/files/chunks.js';
import { FileStore } from '../../electron/core/files/store.js';
import { elapsedMs, median, result, round, type Benchmark } from './harness.js';
import { tempDir } from './temp.js';

const megabyte = 1024 * 1024;

/** A file of `megabytes` MiB: one random MiB written again and again, each copy with its index so no two chunks are alike. */
async function writeSample(path: string, megabytes: number): Promise<void> {
  const chunk = randomBytes(megabyte);
  const handle = await open(path, 'w');
  try {
    for (let index = 0; index < megabytes; index += 1) {
      chunk.writeUInt32LE(index, 0);
      await handle.write(chunk, 0, chunk.length);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function copyDurably(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  const handle = await open(to, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function hashOnly(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await sha256OfHandle(handle);
  } finally {
    await handle.close();
  }
}

/**
 * What importing evidence costs: `FileStore.importPath` of one large file
 * (read, hashed with SHA-256, written, synced to disk and renamed under its
 * hash) against a plain `fs.copyFile` of the same file, measured in the same
 * run. Disk timings wander with the page cache and whatever else the machine
 * does, so each is taken several times, alternately, and the medians compared.
 * The parts the import cannot do without (a copy synced to disk, and SHA-256
 * of every byte) are timed too and shown on stderr, to read the ratio by.
 */
export const evidenceImport: Benchmark = {
  name: 'evidence.import',
  async run({ quick }) {
    const megabytes = quick ? 50 : 500;
    const rounds = 5;
    const dir = tempDir();
    try {
      const name = '王建平房屋评估现场录像（2026年12月8日）.mp4';
      const sample = join(dir, 'sample.mp4');
      await writeSample(sample, megabytes);
      const target = join(dir, 'copy.mp4');
      // Each measures one operation and then clears up after it, untimed.
      const measures: Record<'copy' | 'durableCopy' | 'hash' | 'import', (round: number) => Promise<number>> = {
        async copy() {
          const ms = await elapsedMs(() => copyFile(sample, target));
          await rm(target);
          return ms;
        },
        async durableCopy() {
          const ms = await elapsedMs(() => copyDurably(sample, target));
          await rm(target);
          return ms;
        },
        hash: () => elapsedMs(() => hashOnly(sample)),
        async import(round) {
          const store = new FileStore(join(dir, `files-${round}`));
          const ms = await elapsedMs(async () => {
            const stored = await store.importPath(sample, { originalName: name, maxBytes: 4 * 1024 * megabyte });
            if (stored.size !== megabytes * megabyte || stored.deduplicated) throw new Error(`unexpected import: ${JSON.stringify(stored)}`);
          });
          await rm(store.dir, { recursive: true });
          return ms;
        },
      };
      const order = Object.keys(measures) as (keyof typeof measures)[];
      const samples = { copy: [] as number[], durableCopy: [] as number[], hash: [] as number[], import: [] as number[] };
      for (let round = 0; round < rounds; round += 1) {
        // Each round starts with a different one, so none always runs in another's wake.
        for (let step = 0; step < order.length; step += 1) {
          const which = order[(round + step) % order.length] as keyof typeof measures;
          samples[which].push(await measures[which](round));
        }
      }
      const [copy, durableCopy, hash, imported] = [samples.copy, samples.durableCopy, samples.hash, samples.import].map((each) => round(median(each)));
      console.error(
        `evidence.import, ${megabytes} MB, medians of ${rounds}: copyFile ${copy} ms, copyFile + fsync ${durableCopy} ms, SHA-256 alone ${hash} ms, import ${imported} ms`,
      );
      return result('evidence.import', median(samples.import), median(samples.copy), 'ms', 1.5);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
