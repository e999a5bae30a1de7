/**
 * Fuzzing the contract: every method the router knows, called with inputs no
 * well-behaved shell would send. The router is the one door into the core and
 * every shell hands it untrusted input, so whatever arrives it must answer with
 * a result (never throw), refuse with a code the renderer can translate (never
 * `internal`, which means a handler crashed), and leave the database exactly as
 * it was when it refuses.
 *
 * The methods come from the contract itself (`methods`), so a method added
 * tomorrow is fuzzed without anyone touching this file.
 *
 * Runs per method come from HEARING_DESK_FUZZ_RUNS:
 *   - unset: 200 runs per method, what CI runs (`npm test` / the reliability project);
 *   - HEARING_DESK_FUZZ_RUNS=1000 npx vitest run --project reliability test/reliability/fuzz.test.ts
 *     is the full run, before a release or after touching validation.
 * HEARING_DESK_FUZZ_SEED=<seed> replays the run a failure printed.
 */
import { createHash } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, methods, type MethodName } from '../../electron/core/contract/index.js';
import type { Db } from '../../electron/core/db/index.js';
import { fixedClock, openTestCore, tempDir, type TestCore } from '../unit/support/core.js';
import { finalized, signaturePng } from '../unit/support/finalizable.js';
import { readyHearing } from '../unit/support/hearing.js';

const runs = Number(process.env.HEARING_DESK_FUZZ_RUNS ?? 200);
const seed = process.env.HEARING_DESK_FUZZ_SEED === undefined ? undefined : Number(process.env.HEARING_DESK_FUZZ_SEED);

/**
 * `sample.create` builds, holds, signs and finalizes a whole hearing when its
 * (empty) input is valid, which costs seconds and only repeats the same path:
 * after the first call it returns the hearing already there. A handful of runs
 * covers its refusals and both of its successes.
 */
const runsOverride: Partial<Record<MethodName, number>> = { 'sample.create': Math.min(runs, 20) };

const methodNames = Object.keys(methods) as MethodName[];
const knownCodes = new Set<string>(errorCodes);

// ---------------------------------------------------------------------------
// The data the calls land on
// ---------------------------------------------------------------------------

/**
 * Values the seeded data folder really holds, so generated calls get past
 * validation and into the handlers: every id and number, and every column's
 * values by column name, which is how a field finds its own (`hearingId` reads
 * `hearing_id`, `plannedStart` reads `planned_start`), with no list to keep up.
 */
interface Known {
  ids: string[];
  numbers: number[];
  strings: string[];
  byColumn: Map<string, unknown[]>;
}

let seedDir: string;
let known: Known;
const opened: Array<{ core: TestCore; dir: string }> = [];

/**
 * Two hearings in one data folder: the 王建平 hearing held to the end, signed and
 * finalized (so the lock and the signed paths answer), and a second one seated
 * and checked in, ready to start (so the live paths answer). Seeded once; each
 * method gets its own copy, so one method's accepted mutations (a participant
 * removed, the procedure started) do not starve the next method of data.
 */
beforeAll(async () => {
  seedDir = tempDir('hearing-desk-fuzz-seed-');
  const done = await readyHearing({ dataDir: seedDir });
  await finalized(done);
  done.core.close();
  const live = await readyHearing({ dataDir: seedDir });
  await live.core.ok('evidence.add', {
    hearingId: live.hearing.id,
    submitterId: live.people['王建平']?.id ?? '',
    name: '房屋产权证',
    source: '王建平',
    purpose: '证明房屋权属',
    form: 'documentary',
  });
  await live.core.ok('minutes.append', {
    hearingId: live.hearing.id,
    clientId: '7d4c1b6e-1f0a-4d3e-9a8b-2c5d6e7f8a9b',
    kind: 'note',
    speakerId: null,
    text: '听证会准备就绪。',
    startedAt: live.clock.now().toISOString(),
  });
  await live.core.ok('minutes.addPhrase', { text: '请保持安静', stepType: null, role: null });
  const templates = await live.core.ok('template.list', {});
  known = collectKnown(live.core.db);
  known.strings.push(...templates.map((template) => template.id));
  live.core.close();
}, 120_000);

afterAll(() => {
  for (const { core, dir } of opened.splice(0)) {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
  rmSync(seedDir, { recursive: true, force: true });
});

function collectKnown(db: Db): Known {
  const ids = new Set<string>();
  const numbers = new Set<number>();
  const strings = new Set<string>();
  const byColumn = new Map<string, Set<unknown>>();
  for (const table of userTables(db)) {
    const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>;
    for (const { name } of columns) {
      const values = byColumn.get(name) ?? new Set<unknown>();
      byColumn.set(name, values);
      for (const value of db.prepare(`SELECT DISTINCT "${name}" FROM "${table}" WHERE "${name}" IS NOT NULL LIMIT 30`).pluck().all()) {
        if (typeof value === 'bigint') continue;
        if (typeof value === 'string' && value.length > 2_000) continue;
        values.add(value);
        if (typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(value)) ids.add(value);
        else if (typeof value === 'number' && (name === 'id' || name.endsWith('_id') || name === 'version')) numbers.add(value);
        else if (typeof value === 'string' && (name.endsWith('sha256') || name.endsWith('digest'))) strings.add(value);
      }
    }
  }
  return {
    ids: [...ids],
    numbers: [...numbers],
    strings: [...strings],
    byColumn: new Map([...byColumn].filter(([, values]) => values.size > 0).map(([name, values]) => [name, [...values]])),
  };
}

/** The stored values of the column a field is named after, of the kind the field takes. */
function columnValues(key: string | undefined, kind: 'string' | 'number'): unknown[] {
  if (key === undefined) return [];
  const column = key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  return (known.byColumn.get(column) ?? []).filter((value) => typeof value === kind);
}

/** Ordinary tables: the full-text index's shadow tables are SQLite's own bookkeeping, not the record. */
function userTables(db: Db): string[] {
  const fts = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).pluck().all() as string[];
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[]).filter(
    (name) => !fts.some((virtual) => name === virtual || name.startsWith(`${virtual}_`)),
  );
}

/** A fresh copy of the seeded folder for one method. */
function openCopy(method: string): TestCore {
  const dir = tempDir(`hearing-desk-fuzz-${method.replace(/\W/g, '-')}-`);
  cpSync(seedDir, dir, { recursive: true });
  const core = openTestCore(dir, fixedClock('2026-12-08T03:00:00.000Z'));
  opened.push({ core, dir });
  return core;
}

// ---------------------------------------------------------------------------
// Has anything been written?
// ---------------------------------------------------------------------------

/**
 * `total_changes()` counts every row this connection has inserted, updated or
 * deleted since it opened: if it has not moved across a call, nothing was
 * written, which settles almost every refusal for the price of one query. It
 * also counts writes a transaction later rolled back, so when it has moved the
 * content itself decides: a hash of every table, computed only when the
 * counter says the last one is stale (after accepted mutations and the rare
 * rolled-back refusal).
 */
class Fingerprint {
  private hashedAt = -1;
  private hash = '';

  constructor(private readonly db: Db) {}

  changes(): number {
    return this.db.prepare('SELECT total_changes()').pluck().get() as number;
  }

  content(): string {
    const changes = this.changes();
    if (changes !== this.hashedAt) {
      const digest = createHash('sha256');
      for (const table of userTables(this.db)) {
        digest.update(`\u0000${table}\u0000`);
        // Sorted here rather than by rowid: some tables have none, and only the set of rows matters.
        const rows = this.db
          .prepare(`SELECT * FROM "${table}"`)
          .raw()
          .all()
          .map((row) => JSON.stringify(row, bytes))
          .sort();
        for (const row of rows) digest.update(`${row}\n`);
      }
      this.hash = digest.digest('hex');
      this.hashedAt = changes;
    }
    return this.hash;
  }
}

function bytes(_key: string, value: unknown): unknown {
  return Buffer.isBuffer(value) ? value.toString('base64') : typeof value === 'bigint' ? value.toString() : value;
}

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

/** Strings that have broken other programs: sizes, control and direction characters, SQL, paths, prototype keys. */
const oddStrings = [
  '',
  ' ',
  '\t\n\r',
  'x'.repeat(10_000),
  '王'.repeat(10_000),
  '🙂'.repeat(3_000),
  '\u0000',
  '\u0000\u0001\u001f\u007f',
  '\u202Eevil.exe\u202C',
  '\u200B\u200F\u2066',
  '\uD800',
  '\uDFFF\uD800',
  "'; DROP TABLE hearings; --",
  "' OR '1'='1",
  '" OR 1=1 --',
  '%s%n%x',
  '${constructor}',
  '../../../../etc/passwd',
  '..\\..\\Windows\\System32',
  '/',
  'C:\\',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'NaN',
  '-1',
  '1e309',
  '<script>alert(1)</script>',
  '2026-02-30',
  '2026-12-08T25:61',
  '0000-00-00T00:00',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

/** Dates and texts a real call would carry: templates ids, days, digests, pictures (real and not). */
const plausibleStrings = [
  '2026-12-08',
  '2026-12-08T09:30',
  '2026-12-08T01:30:00.000Z',
  '2100-12-31',
  '王建平',
  '以上笔录我已看过，与我所说的相符。',
  signaturePng(1).toString('base64'),
  Buffer.from('name,role\n王建平,petitioner\n').toString('base64'),
  Buffer.from('PK\u0003\u0004not really a workbook').toString('base64'),
  'not base64 at all!',
];

const oddNumbers = [0, -0, -1, 1, 2, 1.5, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Infinity, -Infinity, 1e308];

/** Anything at all: the shape a buggy or hostile shell could send. */
const wild: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...oddStrings),
  fc.constantFrom(...oddNumbers),
  fc.constantFrom<unknown>(null, undefined, true, false, [], {}, [[[[[]]]]], { __proto__: { polluted: true } }, JSON.parse('{"__proto__":{"polluted":true}}')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ maxDepth: 2 }),
);

/**
 * How an input is built. A clean input follows the schema everywhere (right
 * keys, lengths, ranges, stored values where a field names a column), so it
 * gets past validation and exercises the handler against real data; a noisy
 * one swaps a field here and there for something wild and so probes the edges
 * of validation and whatever the handler assumes validation settled.
 */
interface Build {
  noisy: boolean;
  depth: number;
  key?: string;
}

type Def = Record<string, unknown> & { type: string };
type CheckDef = { check?: string; format?: string; pattern?: RegExp; minimum?: number; maximum?: number; value?: number; inclusive?: boolean };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): CheckDef[] => ((def.checks as Array<{ _zod: { def: CheckDef } }> | undefined) ?? []).map((check) => check._zod.def);

function fromSchema(schema: z.ZodType, build: Build): fc.Arbitrary<unknown> {
  const shaped = shapedBy(schema, build);
  return build.noisy && build.depth > 0 ? fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: wild }) : shaped;
}

/** Pick from stored values when there are any, else build; either way mixed with what the schema alone allows. */
function preferStored(stored: unknown[], built: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return stored.length === 0 ? built : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...stored) }, { weight: 1, arbitrary: built });
}

function stringFor(def: Def, build: Build): fc.Arbitrary<unknown> {
  const checks = checksOf(def);
  const formats = [def.format, ...checks.map((check) => check.format)];
  if (formats.includes('uuid')) {
    return preferStored(
      columnValues(build.key, 'string'),
      fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known.ids) }, { weight: 1, arbitrary: fc.uuid() }),
    );
  }
  if (formats.includes('datetime')) {
    return fc.date({ noInvalidDate: true, min: new Date('1999-01-01'), max: new Date('2101-01-01') }).map((date) => date.toISOString());
  }
  const patterns = checks.flatMap((check) => (check.pattern instanceof RegExp && check.format !== 'uuid' ? [check.pattern] : []));
  if (patterns.length > 0 && !build.noisy) {
    // A pattern (a day, a digest): strings it matches, and the plausible ones that fit it, which also pass the refinements after it.
    const [pattern] = patterns as [RegExp];
    const fitting = [...plausibleStrings, ...known.strings].filter((candidate) => pattern.test(candidate));
    return preferStored(
      columnValues(build.key, 'string'),
      fitting.length > 0 ? fc.oneof(fc.stringMatching(pattern), fc.constantFrom(...fitting)) : fc.stringMatching(pattern),
    );
  }
  const minLength = Math.max(1, ...checks.filter((check) => check.check === 'min_length').map((check) => check.minimum ?? 0));
  const maxLength = Math.min(...checks.filter((check) => check.check === 'max_length').map((check) => check.maximum ?? Infinity));
  const fitting = fc.string({ unit: 'grapheme', minLength: Math.min(minLength, maxLength), maxLength: Math.min(maxLength, Math.max(minLength, 40)) });
  const built = build.noisy
    ? fc.oneof(
        { weight: 2, arbitrary: fitting },
        { weight: 1, arbitrary: fc.constantFrom(...known.strings, ...plausibleStrings) },
        { weight: 1, arbitrary: fc.constantFrom(...oddStrings) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
      )
    : fc.oneof({ weight: 3, arbitrary: fitting }, { weight: 1, arbitrary: fc.constantFrom(...known.strings, ...plausibleStrings) });
  return preferStored(columnValues(build.key, 'string'), built);
}

function numberFor(def: Def, build: Build): fc.Arbitrary<unknown> {
  const checks = checksOf(def);
  const lows = checks.filter((check) => check.check === 'greater_than').map((check) => (check.value ?? 0) + (check.inclusive ? 0 : 1));
  const highs = checks.filter((check) => check.check === 'less_than').map((check) => (check.value ?? 0) - (check.inclusive ? 0 : 1));
  const min = Math.max(-2, ...lows);
  const max = Math.min(Math.max(min, 40), ...highs);
  const fitting = fc.integer({ min, max: Math.max(min, max) });
  const stored = [...columnValues(build.key, 'number'), ...(build.key?.endsWith('Id') ? known.numbers : [])];
  return build.noisy
    ? fc.oneof(
        { weight: 3, arbitrary: preferStored(stored, fitting) },
        { weight: 1, arbitrary: fc.constantFrom(...oddNumbers) },
        { weight: 1, arbitrary: fc.double() },
      )
    : preferStored(stored, fitting);
}

function shapedBy(schema: z.ZodType, build: Build): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = { ...build, depth: build.depth + 1, key: undefined };
  if (build.depth > 6) return wild;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const fields = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, fromSchema(field, { ...inner, key })]));
      if (!build.noisy) return fc.record(fields);
      return fc
        .tuple(fc.record(fields, { requiredKeys: [] }), fc.record(fields), fc.nat(9), fc.constantFrom('__proto__', 'constructor', 'extra', ''), wild)
        .map(([some, all, dice, extraKey, extraValue]) => {
          // Mostly every key; sometimes keys missing, sometimes one too many (defined, so `__proto__` is a real key).
          const base: Record<string, unknown> = dice < 6 ? { ...all } : { ...some };
          if (dice === 9) Object.defineProperty(base, extraKey, { value: extraValue, enumerable: true, configurable: true, writable: true });
          return base;
        });
    }
    case 'string':
      return stringFor(def, build);
    case 'number':
    case 'int':
      return numberFor(def, build);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'optional':
      return fc.oneof({ weight: 3, arbitrary: fromSchema(def.innerType as z.ZodType, build) }, { weight: 1, arbitrary: fc.constant(undefined) });
    case 'nullable':
      return fc.oneof({ weight: 3, arbitrary: fromSchema(def.innerType as z.ZodType, build) }, { weight: 1, arbitrary: fc.constant(null) });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return fc.oneof({ weight: 3, arbitrary: fromSchema(def.innerType as z.ZodType, build) }, { weight: 1, arbitrary: fc.constant(undefined) });
    case 'pipe':
      return shapedBy(def.in as z.ZodType, build);
    case 'array': {
      const checks = checksOf(def);
      const minLength = Math.max(0, ...checks.filter((check) => check.check === 'min_length').map((check) => check.minimum ?? 0));
      const maxLength = Math.min(build.depth > 2 ? 3 : 12, ...checks.filter((check) => check.check === 'max_length').map((check) => check.maximum ?? Infinity));
      return fc.array(fromSchema(def.element as z.ZodType, inner), { minLength: Math.min(minLength, maxLength), maxLength: Math.max(minLength, maxLength) });
    }
    case 'tuple':
      return fc.tuple(...(def.items as z.ZodType[]).map((item) => fromSchema(item, inner)));
    case 'record':
      return fc.dictionary(fromSchema(def.keyType as z.ZodType, inner) as fc.Arbitrary<string>, fromSchema(def.valueType as z.ZodType, inner), { maxKeys: 4 });
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((option) => fromSchema(option, build)));
    default:
      // A kind this reader does not know (lazy, any, a new zod type): anything goes.
      return wild;
  }
}

/** What one call receives: clean or noisy per the schema most of the time, else the method's keys with wild values, or anything at all. */
function inputsFor(method: MethodName): fc.Arbitrary<unknown> {
  const schema = methods[method].input as z.ZodType;
  const def = defOf(schema);
  const keys = def.type === 'object' ? Object.keys(def.shape as object) : [];
  const ownKeysWildValues = fc.record(
    Object.fromEntries(keys.map((key) => [key, key.endsWith('Id') ? fc.oneof(fc.constantFrom(...known.ids, ...known.numbers), wild) : wild])),
    { requiredKeys: [] },
  );
  return fc.oneof(
    { weight: 5, arbitrary: fromSchema(schema, { noisy: false, depth: 0 }) },
    { weight: 3, arbitrary: fromSchema(schema, { noisy: true, depth: 0 }) },
    { weight: 1, arbitrary: ownKeysWildValues },
    { weight: 1, arbitrary: fc.oneof(wild, fc.jsonValue({ maxDepth: 4 })) },
  );
}

// ---------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------

/** Short enough to read in a failure message, long enough to rebuild the call. */
function show(value: unknown): string {
  const text = fc.stringify(value);
  return text.length > 1500 ? `${text.slice(0, 1500)}… (${text.length} characters)` : text;
}

function stackOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** One call, judged: every breach throws with the method, the input and what went wrong, so the shrunk counterexample reads on its own. */
async function callAndJudge(core: TestCore, fingerprint: Fingerprint, method: MethodName, input: unknown): Promise<void> {
  const call = `${method}(${show(input)})`;
  const changesBefore = fingerprint.changes();
  const contentBefore = fingerprint.content();
  let result: Awaited<ReturnType<TestCore['router']['invoke']>>;
  try {
    result = await core.router.invoke(method, input, { actor: 'fuzz' });
  } catch (error) {
    throw new Error(`${call} threw instead of answering: ${stackOf(error)}`);
  }
  const logged = core.loggedErrors.splice(0);
  if (logged.length > 0) throw new Error(`${call} logged an error: ${logged.map(stackOf).join('\n---\n')}\nresult: ${show(result)}`);
  if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') throw new Error(`${call} answered with no result: ${show(result)}`);
  if (result.ok) return;
  const code: unknown = result.error?.code;
  if (typeof code !== 'string' || !knownCodes.has(code)) throw new Error(`${call} refused with a code the contract does not know: ${show(result.error)}`);
  if (code === 'internal') throw new Error(`${call} failed inside the core (internal)`);
  if (fingerprint.changes() !== changesBefore && fingerprint.content() !== contentBefore) {
    throw new Error(`${call} was refused (${code}) but changed the database`);
  }
}

describe('every contract method, fuzzed', () => {
  it('covers the whole contract', () => {
    // The table below is built from the contract; this guards against an empty or partial import.
    expect(methodNames.length).toBeGreaterThan(100);
  });

  it.each(methodNames)(
    '%s answers any input with a result or a known refusal, and writes nothing when it refuses',
    async (method) => {
      const core = openCopy(method);
      const fingerprint = new Fingerprint(core.db);
      await fc.assert(
        fc.asyncProperty(inputsFor(method), async (input) => {
          await callAndJudge(core, fingerprint, method, input);
        }),
        { numRuns: runsOverride[method] ?? runs, seed, endOnFailure: false },
      );
      // After everything it accepted, the data folder is still whole: the audit chain holds and the hearings list.
      expect(core.auditStatus().intact).toBe(true);
      const list = await core.router.invoke('hearing.list', {}, { actor: 'fuzz' });
      expect(list.ok).toBe(true);
      expect(core.loggedErrors).toEqual([]);
    },
    // Generous: a loaded two-core machine, and documents or the sample can take a second a call.
    Math.max(120_000, runs * 400),
  );
});
