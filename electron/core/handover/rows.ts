import { z } from 'zod';
import type { Db } from '../db/index.js';
import { AppError } from '../errors.js';
import { hearingScopes } from '../seal/hearing-data.js';

/**
 * The audit log is each installation's own hash chain: the origin's links stay
 * readable in the kept package's hearing.json, and this laptop's chain
 * records the import instead of absorbing links it never wrote.
 */
const installationOwn = new Set(['audit_log']);

const cell = z.union([z.string(), z.number(), z.null(), z.object({ base64: z.string() }).strict()]);
type Cell = z.infer<typeof cell>;
type Row = Record<string, Cell>;

/** hearing.json as `hearingArchive` writes it. */
export const hearingArchiveSchema = z
  .object({
    format: z.literal('hearing-desk/hearing'),
    schemaVersion: z.number().int().min(1),
    hearingId: z.string(),
    tables: z.record(z.string(), z.array(z.record(z.string(), cell))),
  })
  .strict();
export type HearingArchive = z.infer<typeof hearingArchiveSchema>;

const badData = (detail: string) => new AppError('handover/badData', { detail });

function columnsOf(db: Db, table: string): Array<{ name: string; type: string; pk: number }> {
  return db.prepare('SELECT name, type, pk FROM pragma_table_info(?)').all(table) as Array<{ name: string; type: string; pk: number }>;
}

function foreignKeysOf(db: Db, table: string): Array<{ parent: string; column: string; target: string | null }> {
  return db.prepare('SELECT "table" AS parent, "from" AS column, "to" AS target FROM pragma_foreign_key_list(?)').all(table) as Array<{
    parent: string;
    column: string;
    target: string | null;
  }>;
}

/**
 * Parents before children, so each row's references already stand when it
 * is inserted. A table's references to itself (an agent for a participant)
 * follow key order, not dependency order: those wait for the commit.
 */
function foreignKeyOrder(db: Db, tables: readonly string[]): string[] {
  const parents = new Map(
    tables.map((table) => [
      table,
      foreignKeysOf(db, table)
        .map((key) => key.parent)
        .filter((parent) => parent !== table && tables.includes(parent)),
    ]),
  );
  const ordered: string[] = [];
  while (ordered.length < tables.length) {
    const next = tables.find((table) => !ordered.includes(table) && parents.get(table)!.every((parent) => ordered.includes(parent)));
    if (next === undefined) throw new Error(`the foreign keys between ${tables.filter((table) => !ordered.includes(table)).join(', ')} form a cycle`);
    ordered.push(next);
  }
  return ordered;
}

/**
 * Rows keep their ids; the exception is an integer key this laptop has
 * already given to a row of its own (minute entries and hearing events are
 * numbered per installation). Those rows are numbered after the last one
 * here, in their original order, and every reference to them follows.
 */
function renumbered(db: Db, order: readonly string[], tables: Record<string, Row[]>): Record<string, Row[]> {
  const result: Record<string, Row[]> = Object.fromEntries(order.map((table) => [table, (tables[table] ?? []).map((row) => ({ ...row }))]));
  for (const table of order) {
    const keys = columnsOf(db, table).filter((column) => column.pk > 0);
    const key = keys.length === 1 && keys[0]!.type.toUpperCase() === 'INTEGER' ? keys[0]!.name : undefined;
    if (key === undefined) continue;
    const rows = result[table]!;
    const taken = db.prepare(`SELECT 1 FROM "${table}" WHERE "${key}" = ?`).pluck();
    if (!rows.some((row) => taken.get(row[key] as number) !== undefined)) continue;
    const last = (db.prepare(`SELECT MAX("${key}") FROM "${table}"`).pluck().get() as number | null) ?? 0;
    const ids = rows.map((row) => row[key] as number).sort((a, b) => a - b);
    const renumber = new Map(ids.map((old, index) => [old, last + index + 1]));
    for (const row of rows) row[key] = renumber.get(row[key] as number)!;
    for (const child of order) {
      for (const reference of foreignKeysOf(db, child).filter((candidate) => candidate.parent === table && (candidate.target ?? key) === key)) {
        for (const row of result[child]!) {
          const value = row[reference.column];
          if (typeof value === 'number' && renumber.has(value)) row[reference.column] = renumber.get(value)!;
        }
      }
    }
  }
  return result;
}

/**
 * Inserts every row of hearing.json into this laptop's tables, generic over
 * the tables `hearingScopes` finds in the schema, in foreign-key order; to be
 * called inside the import's transaction. A row that does not belong to the
 * hearing (a package written to slip rows into another one) fails the whole
 * import.
 */
export function insertHearingRows(db: Db, archive: HearingArchive): void {
  const scopes = hearingScopes(db).filter((scope) => !installationOwn.has(scope.table));
  const known = new Set(scopes.map((scope) => scope.table));
  const unknown = Object.keys(archive.tables).filter((table) => !known.has(table) && !installationOwn.has(table));
  if (unknown.length > 0) throw badData(`tables this version does not know: ${unknown.join(', ')}`);

  const order = foreignKeyOrder(
    db,
    scopes.map((scope) => scope.table),
  );
  const rows = renumbered(db, order, archive.tables);
  db.pragma('defer_foreign_keys = ON');
  for (const table of order) {
    const columns = new Set(columnsOf(db, table).map((column) => column.name));
    for (const row of rows[table]!) {
      const names = Object.keys(row);
      const stray = names.find((name) => !columns.has(name));
      if (stray !== undefined) throw badData(`${table} has no column ${stray}`);
      const values = names.map((name) => {
        const value = row[name]!;
        return value !== null && typeof value === 'object' ? Buffer.from(value.base64, 'base64') : value;
      });
      db.prepare(`INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(values);
    }
  }
  for (const scope of scopes) {
    const belonging = db.prepare(`SELECT COUNT(*) FROM "${scope.table}" WHERE ${scope.where}`).pluck().get({ hearingId: archive.hearingId });
    if (belonging !== rows[scope.table]!.length) throw badData(`${scope.table} holds rows of another hearing`);
  }
}
