import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZipReader } from '../../../electron/core/seal/zip.js';
import { verifyPackage } from '../../../electron/core/seal/verify.js';
import { tempDir } from '../support/core.js';
import { finalized } from '../support/finalizable.js';
import { readyHearing } from '../support/hearing.js';

let original: Buffer;
let entries: Array<{ name: string; dataStart: number; size: number; headerOffset: number }>;
const work = tempDir('hearing-desk-tamper-');

beforeAll(async () => {
  const setup = await readyHearing();
  const { packagePath } = await finalized(setup);
  original = readFileSync(packagePath);
  const zip = await ZipReader.open(packagePath);
  entries = zip.entries.map((entry) => ({ ...entry, dataStart: entry.headerOffset + 30 + Buffer.byteLength(entry.name) }));
  await zip.close();
  setup.core.close();
}, 30_000);

let counter = 0;
function tampered(bytes: Buffer): string {
  counter += 1;
  const path = join(work, `tampered-${counter}.zip`);
  writeFileSync(path, bytes);
  return path;
}

function flipped(at: number): Buffer {
  const copy = Buffer.from(original);
  copy[at] = (copy[at] as number) ^ 0x5a;
  return copy;
}

describe('verifying a case package', () => {
  it('accepts the package as sealed, naming the key’s fingerprint and the time', async () => {
    const path = join(work, 'intact.zip');
    writeFileSync(path, original);
    expect(await verifyPackage(path)).toMatchObject({ valid: true, signedAt: '2026-12-08T01:20:00.000Z' });
  });

  it('catches one flipped byte in the data of every file, naming that file', async () => {
    expect(entries.length).toBeGreaterThan(20);
    for (const entry of entries) {
      const verdict = await verifyPackage(tampered(flipped(entry.dataStart + Math.floor(entry.size / 2))));
      expect(verdict, entry.name).toMatchObject({ valid: false, file: entry.name });
    }
  });

  it('catches a flipped byte in any header, in the directory and in its end record', async () => {
    const positions = [
      ...entries.flatMap((entry) => [entry.headerOffset + 14, entry.headerOffset + 26, entry.headerOffset + 31]),
      ...Array.from({ length: 40 }, (_, index) => original.length - 1 - index * 37),
    ];
    for (const at of positions) {
      const verdict = await verifyPackage(tampered(flipped(at)));
      expect(verdict.valid, `byte ${at}`).toBe(false);
    }
  });

  it('catches a truncated package, an appended byte, and two files swapped', async () => {
    expect(await verifyPackage(tampered(original.subarray(0, original.length - 100)))).toMatchObject({ valid: false });
    expect(await verifyPackage(tampered(Buffer.concat([original, Buffer.from([0])])))).toMatchObject({ valid: false });

    const [first, second] = entries.filter((entry) => entry.name.startsWith('signatures/') && entry.name.endsWith('.png'));
    const swapped = Buffer.from(original);
    const a = original.subarray(first!.dataStart, first!.dataStart + 64);
    const b = original.subarray(second!.dataStart, second!.dataStart + 64);
    Buffer.from(b).copy(swapped, first!.dataStart);
    Buffer.from(a).copy(swapped, second!.dataStart);
    const verdict = await verifyPackage(tampered(swapped));
    expect(verdict).toMatchObject({ valid: false });
  });

  it('says the file is unreadable when it is missing or not a zip at all', async () => {
    expect(await verifyPackage(join(work, 'no-such-package.zip'))).toMatchObject({ valid: false, reason: 'unreadable' });
    expect(await verifyPackage(tampered(Buffer.from('这不是案卷文件')))).toMatchObject({ valid: false, reason: 'unreadable' });
  });
});
