import { rmSync } from 'node:fs';
import type { MinuteEntry } from '../contract/index.js';
import { prepared, type Db } from '../db/connection.js';
import { holdExclusiveLock } from '../db/exclusive-lock.js';
import { findHearing } from '../db/hearings.js';
import { deleteDraft, findEntryByClientId, insertEntry, type NewEntry } from '../db/minutes.js';
import type { Logger } from '../router.js';
import { RecordJournal } from './journal.js';

/** One committed entry as the journal keeps it: enough to write the same row again. */
export interface JournalledEntry {
  entry: NewEntry & { clientId: string };
  now: string;
  actor: string;
}

export interface EntryAppender {
  /** Writes the entry; when this returns, it is on disk. */
  append(record: JournalledEntry): MinuteEntry;
  /** Makes the database itself durable up to now and empties the journal; normally run by a timer. */
  settle(): void;
  close(): void;
}

/** SQLite's own default, which every other write keeps. */
const defaultAutocheckpointPages = 1000;

/** How long after an entry the database is made durable on its own and the journal emptied. */
export const settleAfterMs = 1000;

/**
 * A clerk's entry is acknowledged after one small synced write instead of a
 * synced SQLite commit. A commit with synchronous=FULL writes some fifteen
 * pages (the row, its indexes, its first revision, the trigram index) before
 * its fsync, which costs several times one small write and sync: issue 6
 * wants the acknowledgement within twice the latter.
 *
 * So each entry is committed with synchronous=NORMAL (in WAL mode: consistent
 * after any crash, and durable against a crash of the process, but the last
 * commits may be lost if the machine itself loses power), and inside that
 * transaction, before the commit, the entry is appended to a journal beside
 * the database and synced. A second later (`settleAfterMs`) a checkpoint
 * syncs the WAL and the database, and the journal is emptied. On the next
 * start, whatever the journal still holds and the database lacks (looked up
 * by the entry's client id) is written again exactly as it was.
 *
 * Only appends go this way; every other write stays synchronous=FULL and so
 * also makes every entry before it durable. What a power cut can take from
 * the database is therefore always the last few appends, in order, and
 * writing them again in order gives them the same ids and revisions.
 *
 * One core at a time owns the journal (an exclusive lock beside it). Another core opened
 * on the same folder meanwhile, such as the command line beside the running
 * app, must neither replay nor empty it, so it commits its entries the plain
 * way, with synchronous=FULL.
 */
export function entryAppender(db: Db, journalFile: string, logger: Logger, nativeBinding?: string): EntryAppender {
  const claim = holdExclusiveLock(`${journalFile}.lock`, nativeBinding);
  if (!claim) return fullySyncedAppender(db);
  let opened: ReturnType<typeof RecordJournal.open<JournalledEntry>>;
  try {
    opened = RecordJournal.open<JournalledEntry>(journalFile);
  } catch (error) {
    claim.release();
    throw error;
  }
  const { journal, records } = opened;
  let timer: NodeJS.Timeout | undefined;
  const write = (record: JournalledEntry) => writeEntry(db, record);

  const settle = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (journal.size === 0) return;
    try {
      const [state] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      // Only a checkpoint that copied every frame has synced the database file; otherwise the journal waits for the next.
      if (state && state.busy === 0 && state.log === state.checkpointed) journal.clear();
      else schedule();
    } catch (error) {
      logger.error('the minutes journal could not be settled; it is kept and tried again', error);
      schedule();
    }
  };

  const schedule = (): void => {
    timer ??= setTimeout(settle, settleAfterMs).unref();
  };

  replay(db, records, write, logger);
  settle();

  return {
    append(record) {
      const sizeBefore = journal.size;
      // The automatic checkpoint would otherwise run inside this commit, every fiftieth entry or so, and the clerk would wait for it.
      prepared(db, 'PRAGMA synchronous = NORMAL').run();
      prepared(db, 'PRAGMA wal_autocheckpoint = 0').run();
      try {
        const written = db.transaction(() => {
          const entry = write(record);
          journal.append(record);
          return entry;
        })();
        schedule();
        return written;
      } catch (error) {
        if (journal.size > sizeBefore) journal.retract(sizeBefore);
        throw error;
      } finally {
        prepared(db, 'PRAGMA synchronous = FULL').run();
        prepared(db, `PRAGMA wal_autocheckpoint = ${defaultAutocheckpointPages}`).run();
      }
    },
    settle,
    /** A data folder closed cleanly holds no journal: only the database and the evidence files. */
    close() {
      if (db.open) settle();
      if (timer) clearTimeout(timer);
      journal.close();
      if (journal.size === 0) rmSync(journalFile, { force: true });
      claim.release();
    },
  };
}

function writeEntry(db: Db, { entry, now, actor }: JournalledEntry): MinuteEntry {
  const written = insertEntry(db, entry, now, actor);
  deleteDraft(db, entry.hearingId, entry.clientId);
  return written;
}

/** Each entry in its own transaction with synchronous=FULL: on disk when the commit returns, with nothing to settle. */
function fullySyncedAppender(db: Db): EntryAppender {
  return {
    append: (record) => db.transaction(() => writeEntry(db, record))(),
    settle: () => undefined,
    close: () => undefined,
  };
}

/**
 * Writes again, in order, the journalled entries the database lost; each in
 * its own synced transaction. A hearing that is gone or finalized cannot have
 * lost an entry (its later write would have synced it), so a record for one
 * is from some other copy of the data and is left out.
 */
function replay(db: Db, records: JournalledEntry[], write: (record: JournalledEntry) => MinuteEntry, logger: Logger): void {
  for (const record of records) {
    if (findEntryByClientId(db, record.entry.clientId)) continue;
    const hearing = findHearing(db, record.entry.hearingId);
    if (!hearing || hearing.status === 'finalized') {
      logger.error(`a journalled minute entry (${record.entry.clientId}) belongs to no open hearing here and was left out`, undefined);
      continue;
    }
    try {
      db.transaction(() => write(record))();
    } catch (error) {
      logger.error(`a journalled minute entry (${record.entry.clientId}) could not be written again`, error);
    }
  }
}
