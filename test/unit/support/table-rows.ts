import Database from 'better-sqlite3';

/** Every row of every table of a database file, each table's rows in a stable order: two folders hold the same data when these are equal. */
export function tableRows(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>;
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[])
          .map((row) => JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value)))
          .sort(),
      ]),
    );
  } finally {
    db.close();
  }
}
