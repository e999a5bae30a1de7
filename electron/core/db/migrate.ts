import { AppError } from '../errors.js';
import type { Db } from './connection.js';
import { latestVersion, migrations } from './migrations/index.js';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to `target`, one transaction per migration, so a
 * failure leaves the database at the last complete version.
 */
export function migrate(db: Db, target: number = latestVersion): void {
  const current = schemaVersion(db);
  if (current > latestVersion) {
    throw new AppError('db/newerVersion', { found: current, supported: latestVersion });
  }
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
