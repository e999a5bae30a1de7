import type { Operator, OperatorRole } from '../contract/index.js';
import { prepared, type Db } from './connection.js';

export interface UserRecord extends Operator {
  passwordHash: string;
}

interface UserRow {
  id: string;
  username: string;
  displayName: string;
  roles: string;
  passwordHash: string;
  active: number;
  createdAt: string;
  updatedAt: string;
}

const columns = `id, username, display_name AS displayName, roles, password_hash AS passwordHash, active, created_at AS createdAt, updated_at AS updatedAt`;

function fromRow(row: UserRow): UserRecord {
  return { ...row, roles: JSON.parse(row.roles) as OperatorRole[], active: row.active === 1 };
}

/** What leaves the core: never the hash. */
export function operatorOf({ passwordHash: _hash, ...operator }: UserRecord): Operator {
  return operator;
}

export function countUsers(db: Db): number {
  return (prepared(db, 'SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function listUsers(db: Db): UserRecord[] {
  return (prepared(db, `SELECT ${columns} FROM users ORDER BY username COLLATE NOCASE`).all() as UserRow[]).map(fromRow);
}

export function findUser(db: Db, id: string): UserRecord | undefined {
  const row = prepared(db, `SELECT ${columns} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
  return row && fromRow(row);
}

export function findUserByName(db: Db, username: string): UserRecord | undefined {
  const row = prepared(db, `SELECT ${columns} FROM users WHERE username = ? COLLATE NOCASE`).get(username) as UserRow | undefined;
  return row && fromRow(row);
}

export function insertUser(db: Db, user: UserRecord): void {
  prepared(
    db,
    `INSERT INTO users (id, username, display_name, roles, password_hash, active, created_at, updated_at)
     VALUES (@id, @username, @displayName, @roles, @passwordHash, @active, @createdAt, @updatedAt)`,
  ).run({ ...user, roles: JSON.stringify(user.roles), active: user.active ? 1 : 0 });
}

export function updateUser(db: Db, user: UserRecord): void {
  prepared(
    db,
    `UPDATE users SET display_name = @displayName, roles = @roles, password_hash = @passwordHash, active = @active, updated_at = @updatedAt WHERE id = @id`,
  ).run({ ...user, roles: JSON.stringify(user.roles), active: user.active ? 1 : 0 });
}

/** Active operators holding the administrator role: there must always be one, or no one could manage the office again. */
export function countActiveAdmins(db: Db): number {
  return (
    prepared(db, `SELECT count(*) AS n FROM users WHERE active = 1 AND EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = 'admin')`).get() as {
      n: number;
    }
  ).n;
}
