import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../electron/core/audit/log.js';
import { seededRandom } from '../../electron/core/sample/random.js';
import { ZipReader } from '../../electron/core/seal/zip.js';
import { verifyPackage } from '../../electron/core/seal/verify.js';
import { tempDir } from '../unit/support/core.js';
import { finalized } from '../unit/support/finalizable.js';
import { readyHearing, type ReadyHearing } from '../unit/support/hearing.js';

/**
 * Tampering with a sealed case package or the audit trail is always caught
 * (issue 10): random single-byte flips anywhere in the package, truncations
 * at random lengths and swapped file contents, each checked by `verify`, and
 * a changed audit row found at its own place in the chain. The number of
 * cases per kind comes from HEARING_DESK_TAMPER_CASES (100 by default: each
 * check reads a small package, so the full run is also CI's).
 */
const cases = Number(process.env.HEARING_DESK_TAMPER_CASES ?? 100);
const random = seededRandom(Number(process.env.HEARING_DESK_TAMPER_SEED ?? 20261126));
const pick = (below: number) => Math.floor(random() * below);

let setup: ReadyHearing;
let original: Buffer;
let entries: Array<{ name: string; start: number; end: number }>;
const work = tempDir('hearing-desk-tamper-');

beforeAll(async () => {
  setup = await readyHearing();
  const { packagePath } = await finalized(setup);
  original = readFileSync(packagePath);
  const zip = await ZipReader.open(packagePath);
  entries = zip.entries.map((entry) => {
    const start = entry.headerOffset + 30 + Buffer.byteLength(entry.name);
    return { name: entry.name, start, end: start + entry.size };
  });
  await zip.close();
}, 60_000);
afterAll(() => setup.core.close());

let written = 0;
async function verdictOf(bytes: Buffer) {
  written += 1;
  const path = join(work, `case-${written}.zip`);
  writeFileSync(path, bytes);
  return verifyPackage(path);
}

/** The entry whose data holds a byte, if any: a flip there must be blamed on that file. */
const entryAt = (at: number) => entries.find((entry) => at >= entry.start && at < entry.end);

describe(`a sealed package under ${cases} random attacks of each kind`, () => {
  it('catches every single-byte flip, naming the file whose contents it hit', async () => {
    let named = 0;
    for (let round = 0; round < cases; round += 1) {
      const at = pick(original.length);
      const bytes = Buffer.from(original);
      bytes[at] = (bytes[at] as number) ^ (1 + pick(255));
      const verdict = await verdictOf(bytes);
      expect(verdict.valid, `flip at byte ${at}`).toBe(false);
      const hit = entryAt(at);
      if (hit && !verdict.valid) {
        expect(verdict.file, `flip at byte ${at} inside ${hit.name}`).toBe(hit.name);
        named += 1;
      }
    }
    // Most of a package is file contents, so most flips land in a file and are named.
    expect(named).toBeGreaterThan(cases / 2);
  });

  it('catches every truncation', async () => {
    for (let round = 0; round < cases; round += 1) {
      const length = pick(original.length);
      expect((await verdictOf(original.subarray(0, length))).valid, `cut to ${length} bytes`).toBe(false);
    }
  });

  it('catches every swap of two files’ contents of the same size, naming one of them', async () => {
    const bySize = new Map<number, typeof entries>();
    for (const entry of entries) bySize.set(entry.end - entry.start, [...(bySize.get(entry.end - entry.start) ?? []), entry]);
    const pairs = [...bySize.values()].filter((group) => group.length > 1);
    // Signatures and their stroke files differ per signer; where two files happen to share a size, swap them whole, else swap equal slices.
    for (let round = 0; round < cases; round += 1) {
      const group =
        pairs.length > 0 && round % 2 === 0 ? (pairs[pick(pairs.length)] as typeof entries) : [entries[pick(entries.length)]!, entries[pick(entries.length)]!];
      const [a, b] = [group[0]!, group[1]!];
      if (a.name === b.name) continue;
      const length = Math.min(a.end - a.start, b.end - b.start);
      const bytes = Buffer.from(original);
      original.copy(bytes, a.start, b.start, b.start + length);
      original.copy(bytes, b.start, a.start, a.start + length);
      if (bytes.equals(original)) continue;
      const verdict = await verdictOf(bytes);
      expect(verdict.valid, `${a.name} ⇄ ${b.name}`).toBe(false);
      if (!verdict.valid) expect([a.name, b.name]).toContain(verdict.file);
    }
  });
});

describe('the audit trail', () => {
  it('reports a changed row at its own place in the chain', () => {
    const status = verifyAuditLog(setup.core.db);
    expect(status.intact).toBe(true);
    const rows = status.entries;
    const update = setup.core.db.prepare('UPDATE audit_log SET detail = ? WHERE seq = ?');
    const read = setup.core.db.prepare('SELECT detail FROM audit_log WHERE seq = ?').pluck();
    for (let round = 0; round < Math.min(cases, rows); round += 1) {
      const seq = 1 + pick(rows);
      const before = read.get(seq) as string;
      update.run(`${before} `, seq);
      expect(verifyAuditLog(setup.core.db)).toMatchObject({ intact: false, brokenAt: seq });
      update.run(before, seq);
    }
    expect(verifyAuditLog(setup.core.db).intact).toBe(true);
  });
});
