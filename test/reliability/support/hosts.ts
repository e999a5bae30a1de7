import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { verifyAuditLog } from '../../../electron/core/audit/log.js';
import type { ChainStatus } from '../../../electron/core/audit/chain.js';
import { databaseFileName } from '../../../electron/core/paths.js';
import { startHost, type HostProcess } from '../../e2e/support/host.js';

/**
 * Starts browser hosts as child processes for one test file and kills whatever
 * is still running when the file is done, so a failed assertion never leaves a
 * host holding the data folder open.
 */
export function hostsForThisFile(): (dataDir?: string) => Promise<HostProcess> {
  const running: HostProcess[] = [];
  afterAll(async () => {
    for (const host of running.splice(0)) await host.stop('SIGKILL');
  });
  return async (dataDir) => {
    const host = await startHost(dataDir);
    running.push(host);
    return host;
  };
}

/** Pulls the plug: SIGKILL gives the host no chance to flush, close or checkpoint anything. Returns the moment it was sent. */
export async function pullThePlug(host: HostProcess): Promise<number> {
  const killedAt = performance.now();
  await host.stop('SIGKILL');
  return killedAt;
}

export interface DiskState {
  /** `PRAGMA integrity_check` rows: `[{ integrity_check: 'ok' }]` for a sound file. */
  integrity: unknown[];
  audit: ChainStatus;
  /** Audit links written by `minutes.edit`: every acknowledged edit must have one. */
  auditedEdits: number;
}

/**
 * Reads the database exactly as the crash left it, read-only and before any
 * host has opened it again: a restarted host would replay the WAL and run its
 * own checks first, which could hide what the kill did. SQLite still rebuilds
 * the WAL index in memory to read, but writes nothing to the database, so the
 * next host finds the same files.
 */
export function inspectAfterCrash(dataDir: string): DiskState {
  const db = new Database(join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: db.pragma('integrity_check') as unknown[],
      audit: verifyAuditLog(db),
      auditedEdits: (db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'minutes.edit'`).get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}
