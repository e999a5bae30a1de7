import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, prepared, type Db } from '../../electron/core/db/index.js';
import { searchMinutes } from '../../electron/core/minutes/search.js';
import { percentile, result, round, type Benchmark } from './harness.js';
import { absentTerms, hearingWords, personName, rareTerms, seededRandom, SpeechGenerator, terms, type HearingWords } from './minutes-corpus.js';

/**
 * Issue 6: full-text search of the minutes over 1,000,000 entries (250
 * hearings of 4,000), through `searchMinutes` with the limit the UI asks
 * for, against a `LIKE '%…%'` scan of the same table for the same words.
 * The index must answer within 20 ms at the 95th percentile and at least
 * 50 times faster than the scan.
 *
 * The corpus takes a minute or two to build, so it is kept in the temp
 * folder under a name with its version and size; it is removed after the
 * run unless HEARING_DESK_BENCH_KEEP=1, and a later run that finds it reuses
 * it. Change `corpusVersion` whenever the generator or the rows change.
 */
const corpusVersion = 1;
const entriesPerHearing = 4000;
const limit = 50;
/** Issue 6: an absolute ceiling besides the ratio. */
const p95LimitMs = 20;
const keepEnv = 'HEARING_DESK_BENCH_KEEP';

interface CorpusHearing {
  id: string;
  words: HearingWords;
}

interface Corpus {
  version: number;
  entries: number;
  /** In the order they were held: the first has the smallest entry ids. */
  hearings: CorpusHearing[];
  buildMs: number;
}

const roles = [
  { role: 'chair', label: () => '主持人' },
  { role: 'panel', label: (name: string) => `听证员${name}` },
  { role: 'clerk', label: () => '记录员' },
  { role: 'party', label: (name: string) => `信访人${name}` },
  { role: 'agent', label: (name: string) => `代理人${name}` },
  { role: 'agency', label: (name: string, organization: string) => `办理机关（${organization} ${name}）` },
  { role: 'agency', label: (name: string, organization: string) => `办理机关（${organization} ${name}）` },
] as const;

const eventTexts = [
  '进入“信访人陈述”环节。',
  '进入“办理机关说明”环节。',
  '进入“质证”环节。',
  '主持人宣布休会，理由：午间休息。',
  '复会。',
  '出示办理机关证据3：评估报告。',
];

/**
 * Writes the corpus with plain INSERTs into a database opened through the
 * real migrations, so the triggers fill the trigram index exactly as the app
 * does. Hearings are held one after another, but one in five is adjourned and
 * finished a few hearings later, so a hearing's entries are not always one
 * run of ids. Revisions (`minute_revisions`) are left out: search never reads them.
 */
function buildCorpus(file: string, hearingCount: number): Corpus {
  const started = process.hrtime.bigint();
  const random = seededRandom(20261208);
  const speech = new SpeechGenerator(random);
  const db = openDatabase(file);
  // Building only: the measurements reopen the file as the app does, synchronous=FULL.
  db.pragma('synchronous = OFF');
  const insertHearing = db.prepare(
    `INSERT INTO hearings (id, matter_no, title, template_id, planned_start, venue, organizer, is_public, status, agency, created_at, updated_at)
     VALUES (?, ?, ?, 'petition', ?, '青秀区信访局三楼听证室', '南宁市青秀区信访局', 1, 'finalized', ?, ?, ?)`,
  );
  const insertPerson = db.prepare(
    `INSERT INTO participants (id, hearing_id, role, position, name, organization, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEntry = db.prepare(
    `INSERT INTO minute_entries (hearing_id, client_id, kind, speaker_id, speaker_label, started_at, text, event_kind, revision, created_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const hearings: CorpusHearing[] = [];
  const speakers: Array<Array<{ id: string; label: string }>> = [];
  db.transaction(() => {
    for (let index = 0; index < hearingCount; index += 1) {
      const id = randomUUID();
      const words = hearingWords(random);
      const day = new Date(Date.UTC(2024, 0, 2) + index * 3 * 86400000).toISOString();
      insertHearing.run(
        id,
        `青信访〔${day.slice(0, 4)}〕第${String(index + 1).padStart(4, '0')}号`,
        `${words.petitioner}不服${words.agency}房屋征收补偿决定信访事项`,
        `${day.slice(0, 10)}T09:30`,
        words.agency,
        day,
        day,
      );
      const names = [personName(random), personName(random), personName(random), words.petitioner, words.agent, personName(random), personName(random)];
      speakers.push(
        roles.map(({ role, label }, position) => {
          const personId = randomUUID();
          const organization = role === 'agency' ? words.agency : '';
          insertPerson.run(personId, id, role, position + 1, names[position] as string, organization, day, day);
          return { id: personId, label: label(names[position] as string, organization) };
        }),
      );
      hearings.push({ id, words });
    }
  })();

  // Sessions in the order they were held: [hearing, first entry, entry count].
  const sessions: Array<[number, number, number]> = [];
  const later: Array<{ due: number; session: [number, number, number] }> = [];
  for (let index = 0; index < hearingCount; index += 1) {
    if (random() < 0.2) {
      const first = Math.floor(entriesPerHearing * 0.6);
      sessions.push([index, 0, first]);
      later.push({ due: index + 1 + Math.floor(random() * 5), session: [index, first, entriesPerHearing - first] });
    } else {
      sessions.push([index, 0, entriesPerHearing]);
    }
    for (const waiting of later.filter((each) => each.due <= index)) sessions.push(waiting.session);
    later.splice(0, later.length, ...later.filter((each) => each.due > index));
  }
  for (const waiting of later) sessions.push(waiting.session);

  const batch = 20000;
  let pending: Array<() => void> = [];
  const flush = db.transaction(() => {
    for (const write of pending) write();
  });
  for (const [hearingIndex, firstEntry, count] of sessions) {
    const { id, words } = hearings[hearingIndex] as CorpusHearing;
    const people = speakers[hearingIndex] as Array<{ id: string; label: string }>;
    const opened = Date.UTC(2024, 0, 2, 1, 30) + hearingIndex * 3 * 86400000 + (firstEntry > 0 ? 86400000 : 0);
    for (let entry = firstEntry; entry < firstEntry + count; entry += 1) {
      const at = new Date(opened + (entry - firstEntry) * 9000).toISOString();
      const dice = random();
      const kind = dice < 0.04 ? 'event' : dice < 0.12 ? 'question' : dice < 0.2 ? 'answer' : dice < 0.21 ? 'note' : 'speech';
      const speaker = kind === 'event' || kind === 'note' ? null : (people[entry % people.length] as { id: string; label: string });
      const text = kind === 'event' ? (eventTexts[entry % eventTexts.length] as string) : speech.entry(words);
      const deletedAt = random() < 0.005 ? at : null;
      const clientId = kind === 'event' ? null : randomUUID();
      pending.push(() =>
        insertEntry.run(
          id,
          clientId,
          kind,
          speaker?.id ?? null,
          speaker?.label ?? '',
          at,
          text,
          kind === 'event' ? 'step.started' : null,
          entry + 1,
          at,
          deletedAt,
        ),
      );
      if (pending.length === batch) {
        flush();
        pending = [];
      }
    }
  }
  flush();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { version: corpusVersion, entries: hearingCount * entriesPerHearing, hearings, buildMs: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** The corpus of `entries` entries: the one left by an earlier run if it is complete, else a new one. */
function corpusAt(entries: number): { dir: string; file: string; corpus: Corpus; reused: boolean } {
  const dir = join(tmpdir(), `hearing-desk-bench-minutes-v${corpusVersion}-${entries}`);
  const file = join(dir, 'hearing-desk.sqlite');
  const readyFile = join(dir, 'ready.json');
  if (existsSync(readyFile)) {
    const corpus = JSON.parse(readFileSync(readyFile, 'utf8')) as Corpus;
    if (corpus.version === corpusVersion && corpus.entries === entries) return { dir, file, corpus, reused: true };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const corpus = buildCorpus(file, entries / entriesPerHearing);
  writeFileSync(readyFile, JSON.stringify(corpus));
  return { dir, file, corpus, reused: false };
}

interface Case {
  query: string;
  band: string;
  hearingId: string | undefined;
}

/**
 * About 50 words of 3–6 characters from every frequency band — the domain's
 * words by Zipf rank (from more than half of all entries down to a fraction
 * of a percent), words in a few dozen entries, words in none, and a
 * hearing's own petitioner and street — each searched across all hearings
 * and within one hearing, spread over old and new hearings.
 */
function casesFor(corpus: Corpus): Case[] {
  const eligible = terms.filter((term) => [...term].length >= 3 && [...term].length <= 6);
  const byRank = Array.from({ length: 34 }, (_, index) => eligible[Math.floor((index * eligible.length) / 34)] as string);
  const rare = Array.from({ length: 6 }, (_, index) => rareTerms[index * 9] as string);
  const hearings = corpus.hearings;
  const named = hearings.filter((hearing) => [...hearing.words.petitioner].length === 3).slice(0, 3);
  const own: Array<[string, CorpusHearing]> = [
    ...named.map((hearing): [string, CorpusHearing] => [hearing.words.petitioner, hearing]),
    ...hearings.slice(-3).map((hearing): [string, CorpusHearing] => [hearing.words.street.replace(/\d+号$/, ''), hearing]),
  ];
  const words: Array<[string, string, CorpusHearing | undefined]> = [
    ...byRank.map((query, index): [string, string, undefined] => [query, index < 6 ? 'common' : index < 20 ? 'medium' : 'uncommon', undefined]),
    ...rare.map((query): [string, string, undefined] => [query, 'rare', undefined]),
    ...absentTerms.slice(0, 4).map((query): [string, string, undefined] => [query, 'absent', undefined]),
    ...own.map(([query, hearing]): [string, string, CorpusHearing] => [query, 'hearing', hearing]),
  ];
  return words.flatMap(([query, band, home], index) => [
    { query, band, hearingId: undefined },
    { query, band, hearingId: (home ?? (hearings[(index * 37 + 11) % hearings.length] as CorpusHearing)).id },
  ]);
}

/**
 * The scan the index replaces, for the same words with the same order and
 * limit as `searchMinutes`: `ORDER BY id DESC LIMIT 51` walks back from the
 * newest entry and stops at the 51st match, so a common word is found after
 * a few hundred rows; only rarer words read the whole table, and a search
 * within one hearing reads just that hearing's entries (through
 * `minute_entries_by_hearing`). That is the best a scan can do, and it is
 * the baseline used: it makes the ratio harder to meet, not easier. The same
 * scan without the limit (what a count of all hits, or a list without
 * paging, would need) reads every row every time; it is timed once per
 * search and shown on stderr only.
 */
function likeScan(db: Db, query: string, hearingId: string | undefined, withLimit: boolean): number[] {
  const hearingFilter = hearingId ? ' AND m.hearing_id = @hearingId' : '';
  const rows = prepared(
    db,
    `SELECT m.id, h.title, m.speaker_label, m.text FROM minute_entries m JOIN hearings h ON h.id = m.hearing_id
     WHERE m.deleted_at IS NULL AND m.text LIKE @pattern ESCAPE '\\'${hearingFilter} ORDER BY m.id DESC${withLimit ? ' LIMIT @limit' : ''}`,
  ).all({ pattern: `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`, hearingId, ...(withLimit ? { limit: limit + 1 } : {}) }) as Array<{ id: number }>;
  return rows.map((row) => row.id);
}

function timed<T>(body: () => T): [T, number] {
  const started = process.hrtime.bigint();
  const value = body();
  return [value, Number(process.hrtime.bigint() - started) / 1e6];
}

export const searchFulltext: Benchmark = {
  name: 'search.fulltext',
  async run({ quick }) {
    const entries = quick ? 100_000 : 1_000_000;
    const rounds = quick ? 5 : 3;
    const keep = process.env[keepEnv] === '1';
    const { dir, file, corpus, reused } = corpusAt(entries);
    try {
      const [db, openMs] = timed(() => openDatabase(file));
      try {
        const cases = casesFor(corpus);
        // Every case once, untimed, and checked: the index must find what the scan finds.
        for (const each of cases) {
          const found = searchMinutes(db, each.query, each.hearingId, limit);
          const scanned = likeScan(db, each.query, each.hearingId, true);
          const ids = found.hits.map((hit) => hit.entryId);
          if (found.method !== 'index' || ids.join() !== scanned.slice(0, limit).join() || found.more !== scanned.length > limit) {
            throw new Error(`search.fulltext: the index and the scan disagree on ${JSON.stringify(each)}`);
          }
        }
        const indexMs: number[] = [];
        const likeMs: number[] = [];
        const slowest: Array<[number, Case]> = [];
        for (let roundIndex = 0; roundIndex < rounds; roundIndex += 1) {
          const passes = [
            () => {
              for (const each of cases) {
                const ms = timed(() => searchMinutes(db, each.query, each.hearingId, limit))[1];
                indexMs.push(ms);
                slowest.push([ms, each]);
              }
            },
            () => {
              for (const each of cases) likeMs.push(timed(() => likeScan(db, each.query, each.hearingId, true))[1]);
            },
          ];
          // Alternate which goes first, so neither always runs in the other's wake. An index pass
          // that follows a scan finds SQLite's page cache (16 MB) full of table pages, not index pages:
          // the index is timed warm and after a scan, as it would be among other work in the app.
          if (roundIndex % 2 === 1) passes.reverse();
          for (const pass of passes) pass();
        }
        const unlimitedMs = cases.map((each) => timed(() => likeScan(db, each.query, each.hearingId, false))[1]);

        const indexP95 = percentile(indexMs, 95);
        const likeP95 = percentile(likeMs, 95);
        const scoped = (samples: number[], across: boolean) => samples.filter((_, index) => (cases[index % cases.length]?.hearingId === undefined) === across);
        slowest.sort((a, b) => b[0] - a[0]);
        const seen = new Set<string>();
        const worst = slowest
          .filter(([, each]) => {
            const key = `${each.query}|${each.hearingId ?? ''}`;
            return !seen.has(key) && seen.add(key);
          })
          .slice(0, 5)
          .map(([ms, each]) => `${each.query} (${each.band}, ${each.hearingId ? 'one hearing' : 'all'}) ${round(ms)} ms`);
        console.error(
          [
            `search.fulltext, ${entries} entries in ${corpus.hearings.length} hearings (${reused ? 'reused' : `built in ${round(corpus.buildMs / 1000)} s`}, opened with quick_check in ${round(openMs)} ms), ${cases.length} searches × ${rounds} rounds, limit ${limit}:`,
            `  index p95 ${round(indexP95)} ms (all hearings ${round(percentile(scoped(indexMs, true), 95))}, one hearing ${round(percentile(scoped(indexMs, false), 95))}), p50 ${round(percentile(indexMs, 50))} ms, max ${round(Math.max(...indexMs))} ms; absolute limit ${p95LimitMs} ms: ${indexP95 <= p95LimitMs ? 'met' : 'NOT met'}`,
            `  LIKE + LIMIT p95 ${round(likeP95)} ms (all hearings ${round(percentile(scoped(likeMs, true), 95))}, one hearing ${round(percentile(scoped(likeMs, false), 95))}), p50 ${round(percentile(likeMs, 50))} ms`,
            `  LIKE without LIMIT (once each) p95 ${round(percentile(unlimitedMs, 95))} ms, p50 ${round(percentile(unlimitedMs, 50))} ms`,
            `  slowest index searches: ${worst.join('; ')}`,
          ].join('\n'),
        );
        return result('search.fulltext', indexP95, likeP95, 'ms p95', 0.02, p95LimitMs);
      } finally {
        db.close();
      }
    } finally {
      if (keep) console.error(`search.fulltext: corpus kept in ${dir} (${keepEnv}=1)`);
      else rmSync(dir, { recursive: true, force: true });
    }
  },
};
