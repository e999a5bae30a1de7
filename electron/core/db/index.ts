export { openDatabase, prepared, type Db, type OpenOptions } from './connection.js';
export { migrate, schemaVersion } from './migrate.js';
export { latestVersion } from './migrations/index.js';
