import type { Db } from '../db/index.js';
import { latestVersion } from '../db/index.js';

/** Office-wide or transient tables: not part of one hearing's archive. */
const notArchived = new Set(['settings', 'office_calendar', 'office_phrases', 'minute_drafts', 'finalizations', 'addenda', 'imported_hearings']);

export interface TableScope {
  table: string;
  where: string;
  /** The primary key's columns, or rowid: a stable order, so the same data gives the same file. */
  orderBy: string;
}

/**
 * How each table's rows belong to a hearing, read from the schema itself: a
 * `hearing_id` column, or a foreign key to a table that has one. A table
 * added by a later migration is archived without anyone remembering to.
 */
export function hearingScopes(db: Db): TableScope[] {
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
      .pluck()
      .all() as string[]
  ).filter((name) => !notArchived.has(name) && !name.startsWith('minute_text'));
  const columns = (table: string) => db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
  const direct = new Set(tables.filter((table) => columns(table).includes('hearing_id')));
  const orderOf = (table: string) => {
    const keys = db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').pluck().all(table) as string[];
    return keys.length > 0 ? keys.map((key) => `"${key}"`).join(', ') : 'rowid';
  };
  return tables.flatMap((table): TableScope[] => {
    const orderBy = orderOf(table);
    if (table === 'hearings') return [{ table, where: 'id = @hearingId', orderBy }];
    if (direct.has(table)) return [{ table, where: 'hearing_id = @hearingId', orderBy }];
    const keys = db.prepare('SELECT "table" AS parent, "from" AS column, "to" AS target FROM pragma_foreign_key_list(?)').all(table) as Array<{
      parent: string;
      column: string;
      target: string | null;
    }>;
    const key = keys.find((candidate) => direct.has(candidate.parent));
    if (!key) return [];
    return [{ table, where: `"${key.column}" IN (SELECT "${key.target ?? 'rowid'}" FROM "${key.parent}" WHERE hearing_id = @hearingId)`, orderBy }];
  });
}

/** hearing.json: every row of one hearing, table by table in key order, blobs as base64; schema-versioned for whoever reads it later. */
export function hearingArchive(db: Db, hearingId: string): Buffer {
  const tables: Record<string, unknown[]> = {};
  for (const scope of hearingScopes(db)) {
    const rows = db.prepare(`SELECT * FROM "${scope.table}" WHERE ${scope.where} ORDER BY ${scope.orderBy}`).all({ hearingId }) as Array<
      Record<string, unknown>
    >;
    tables[scope.table] = rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([column, value]) => [column, Buffer.isBuffer(value) ? { base64: value.toString('base64') } : value])),
    );
  }
  return Buffer.from(`${JSON.stringify({ format: 'hearing-desk/hearing', schemaVersion: latestVersion, hearingId, tables }, null, 1)}\n`, 'utf8');
}
