/** A forward-only schema step; `version` becomes the database's user_version once applied. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
