export { openDatabase, prepared, type Db, type OpenOptions } from './connection.js';
export { storageFailure } from './failures.js';
export { migrate, schemaVersion } from './migrate.js';
export { latestVersion } from './migrations/index.js';
export { backupDatabase, inspectDatabaseFile, type DatabaseCheck, type DatabaseCounts } from './backup.js';
