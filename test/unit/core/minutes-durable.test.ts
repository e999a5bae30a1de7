/**
 * A clerk's entry is acknowledged once it is in the minutes journal, and the
 * database is made durable a second later (minutes/durable-append.ts). A power
 * cut in between takes the last appends from the database but not from the
 * journal: these tests make that disk by hand (the database files as they were
 * before the appends, the journal as it was after them) and start on it.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MinuteEntry } from '../../../electron/core/contract/index.js';
import { openDatabase } from '../../../electron/core/db/index.js';
import { settleAfterMs } from '../../../electron/core/minutes/durable-append.js';
import { databaseFileName, minutesJournalFileName } from '../../../electron/core/paths.js';
import { openTestCore, tempDir, type TestCore } from '../support/core.js';
import { useReadyHearings, type ReadyHearing } from '../support/hearing.js';

const { ready, opened } = useReadyHearings();

afterEach(() => {
  vi.useRealTimers();
});

const exchange: [string, string][] = [
  ['刘明远', '请信访人陈述信访事项和理由。'],
  ['王建平', '我对征收补偿决定不服，评估价格明显低于周边市场价。'],
  ['张志强', '补充一点，评估报告未考虑房屋装修投入。'],
  ['刘明远', '请办理机关答辩。'],
  ['陈立新', '我局依法委托评估机构，评估程序合法。'],
  ['刘明远', '信访人对此有无异议？'],
];

async function record(setup: ReadyHearing): Promise<MinuteEntry[]> {
  const entries: MinuteEntry[] = [];
  for (const [name, text] of exchange) {
    setup.clock.advance(20_000);
    entries.push(
      await setup.core.ok('minutes.append', {
        hearingId: setup.hearing.id,
        clientId: randomUUID(),
        kind: 'speech',
        speakerId: setup.people[name]?.id ?? null,
        text,
        startedAt: setup.clock.now(-15_000).toISOString(),
      }),
    );
  }
  return entries;
}

function copyFiles(from: string, to: string, names: string[]): void {
  for (const name of names) if (existsSync(join(from, name))) copyFileSync(join(from, name), join(to, name));
}

const databaseFiles = [databaseFileName, `${databaseFileName}-wal`];

function reopened(dataDir: string): TestCore {
  const core = openTestCore(dataDir);
  opened.push(core);
  return core;
}

describe('an entry acknowledged to the clerk', () => {
  it('is in the journal beside the database when the append returns', async () => {
    const setup = await ready();
    await setup.core.ok('procedure.start', { hearingId: setup.hearing.id });
    const journal = join(setup.core.dataDir, minutesJournalFileName);
    expect(statSync(journal).size).toBe(0);
    await record(setup);
    expect(statSync(journal).size).toBeGreaterThan(exchange.length * 100);
  });

  it('comes back exactly as acknowledged when the power cut took it from the database but not from the journal', async () => {
    const setup = await ready();
    await setup.core.ok('procedure.start', { hearingId: setup.hearing.id });
    const disk = tempDir();
    copyFiles(setup.core.dataDir, disk, databaseFiles);
    const acknowledged = await record(setup);
    const history = await setup.core.ok('minutes.history', { entryId: (acknowledged[1] as MinuteEntry).id });
    copyFiles(setup.core.dataDir, disk, [minutesJournalFileName]);

    const after = reopened(disk);
    const { entries } = await after.ok('minutes.list', { hearingId: setup.hearing.id });
    expect(entries.filter((entry) => entry.kind === 'speech')).toEqual(acknowledged);
    expect(await after.ok('minutes.history', { entryId: (acknowledged[1] as MinuteEntry).id })).toEqual(history);
    expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(after.auditStatus()).toMatchObject({ intact: true });
    expect(statSync(join(disk, minutesJournalFileName)).size, 'the journal is emptied once the entries are back').toBe(0);
    expect(after.loggedErrors).toEqual([]);
  });

  it('is not written twice when the database kept it too, as after the app was killed', async () => {
    const setup = await ready();
    await setup.core.ok('procedure.start', { hearingId: setup.hearing.id });
    const acknowledged = await record(setup);
    const disk = tempDir();
    copyFiles(setup.core.dataDir, disk, [...databaseFiles, minutesJournalFileName]);
    expect(statSync(join(disk, minutesJournalFileName)).size).toBeGreaterThan(0);

    const after = reopened(disk);
    const { entries } = await after.ok('minutes.list', { hearingId: setup.hearing.id });
    expect(entries.filter((entry) => entry.kind === 'speech')).toEqual(acknowledged);
  });

  it('is left out, and said so, when the journal came with data that has no open hearing for it', async () => {
    const setup = await ready();
    await setup.core.ok('procedure.start', { hearingId: setup.hearing.id });
    await record(setup);
    const elsewhere = tempDir();
    reopened(elsewhere).close();
    copyFiles(setup.core.dataDir, elsewhere, [minutesJournalFileName]);

    const after = reopened(elsewhere);
    expect(await after.ok('hearing.list', {})).toEqual([]);
    expect(after.db.prepare('SELECT COUNT(*) FROM minute_entries').pluck().get()).toBe(0);
    expect(after.loggedErrors).toHaveLength(exchange.length);
  });

  it('is settled into the database file a second later, and the journal emptied', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const setup = await ready();
    await setup.core.ok('procedure.start', { hearingId: setup.hearing.id });
    const acknowledged = await record(setup);
    const journal = join(setup.core.dataDir, minutesJournalFileName);
    vi.advanceTimersByTime(settleAfterMs - 1);
    expect(statSync(journal).size).toBeGreaterThan(0);
    vi.advanceTimersByTime(1);
    expect(statSync(journal).size).toBe(0);

    // The database file alone, without its WAL, now holds every entry.
    const disk = tempDir();
    copyFiles(setup.core.dataDir, disk, [databaseFileName]);
    const db = openDatabase(join(disk, databaseFileName));
    try {
      const ids = db.prepare('SELECT id FROM minute_entries WHERE kind = ? ORDER BY id').pluck().all('speech');
      expect(ids).toEqual(acknowledged.map((entry) => entry.id));
    } finally {
      db.close();
    }
  });

  it('stays in the journal when a second core opens the same folder, as the command line beside the running app does, and that core commits its own entries fully synced', async () => {
    const setup = await ready();
    await setup.core.ok('procedure.start', { hearingId: setup.hearing.id });
    await record(setup);
    const journal = join(setup.core.dataDir, minutesJournalFileName);
    const held = readFileSync(journal);

    const beside = reopened(setup.core.dataDir);
    expect(readFileSync(journal), 'the second core neither replays nor empties the journal').toEqual(held);
    const written = await beside.ok('minutes.append', {
      hearingId: setup.hearing.id,
      clientId: randomUUID(),
      kind: 'note',
      speakerId: null,
      text: '（休会十分钟）',
      startedAt: setup.clock.now().toISOString(),
    });
    expect(readFileSync(journal)).toEqual(held);
    beside.close();

    const { entries } = await setup.core.ok('minutes.list', { hearingId: setup.hearing.id });
    expect(entries.at(-1)).toEqual(written);
    setup.core.close();
    expect(existsSync(journal), 'the owner empties and removes it when it closes').toBe(false);
  });

  it('leaves every other write synced on its own: the connection is back to synchronous=FULL after each append', async () => {
    const setup = await ready();
    await setup.core.ok('procedure.start', { hearingId: setup.hearing.id });
    await record(setup);
    expect(setup.core.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(setup.core.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });
});
