import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ErrorCode } from '../../../electron/core/contract/index.js';
import { filesDirName } from '../../../electron/core/files/store.js';
import { databaseFileName } from '../../../electron/core/paths.js';
import type { HostProcess } from '../../e2e/support/host.js';

/**
 * Ways to take the disk away from a running browser host, as the faults
 * suite (issue 10, item 6) needs them: a disk that fills up and a data folder
 * that turns read-only, each with what this machine allows. A mechanism that
 * cannot work here says why in `unavailable`, and its test is skipped with
 * that reason rather than passing without having tested anything.
 */
export interface DiskFault {
  /** What the user's machine went through, as the test names it. */
  name: string;
  /** Why this machine cannot produce the fault (no permission, no tool, an unsupported file system); null when it can. */
  unavailable: string | null;
  /**
   * Whether writes through files the host already holds open (the database,
   * its WAL) fail too, or only new files. Permissions are checked at open(),
   * so a chmod stops evidence imports but not commits to an open database.
   */
  blocksOpenFiles: boolean;
  /** The refusals a commit may answer with: SQLite cannot always tell a full disk from a read-only one (see db/failures.ts). */
  commitRefusals: readonly ErrorCode[];
  /** The refusal an evidence import must answer with. */
  importRefusal: ErrorCode;
  /** A fresh data folder where the fault can happen. */
  prepare(): string;
  /** Takes the disk away under the running host. */
  apply(host: HostProcess): void;
  /** An evidence file of this many bytes cannot fit while the fault lasts. */
  oversizeBytes(): number;
  /** Gives the disk back, the host still running. */
  lift(host: HostProcess): void;
  /** Removes every trace, once no host holds the folder any more; safe to call whether or not the fault was applied or lifted. */
  dispose(): void;
}

function run(command: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) return { ok: false, output: result.error.message };
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

function must(command: string, args: string[]): void {
  const result = run(command, args);
  if (!result.ok) throw new Error(`${command} ${args.join(' ')} failed: ${result.output}`);
}

const isRoot = process.getuid?.() === 0;
const kib = 1024;
const mib = 1024 * kib;

/** Every path under `dir`, deepest last; for chmod and chattr, which must reach each file and folder. */
function walk(dir: string): string[] {
  const paths: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    paths.push(path);
    if (entry.isDirectory()) paths.push(...walk(path));
  }
  return paths;
}

/**
 * The WAL index (`-shm`) is left alone: it is a memory map SQLite writes
 * through on every read as well as every write, and a real read-only disk
 * would have refused to open it in the first place. Only what holds data is
 * taken away.
 */
function dataPaths(dataDir: string): string[] {
  return [dataDir, ...walk(dataDir).filter((path) => !path.endsWith('-shm'))];
}

function probeTmpfs(): string | null {
  if (process.platform !== 'linux') return 'tmpfs needs Linux';
  const probe = mkdtempSync(join(tmpdir(), 'hearing-desk-tmpfs-probe-'));
  try {
    const mounted = run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]);
    if (!mounted.ok) return `cannot mount a tmpfs (needs root or CAP_SYS_ADMIN): ${mounted.output || 'mount failed'}`;
    must('umount', [probe]);
    return null;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/**
 * A disk that fills up for real: a 32 MiB tmpfs holding the data folder,
 * filled to its last page by a ballast file the way another program's
 * download would fill it, so every write the host makes gets ENOSPC. The
 * ballast's removal gives the space back.
 */
export function tinyTmpfs(): DiskFault {
  const unavailable = probeTmpfs();
  let mountPoint: string | null = null;
  const ballast = () => join(mountPoint as string, 'ballast');
  return {
    name: 'a disk that fills up (a 32 MiB tmpfs, filled by another program)',
    unavailable,
    blocksOpenFiles: true,
    commitRefusals: ['db/diskFull'],
    importRefusal: 'file/diskFull',
    prepare() {
      mountPoint = mkdtempSync(join(tmpdir(), 'hearing-desk-full-'));
      must('mount', ['-t', 'tmpfs', '-o', 'size=32m,mode=0755', 'tmpfs', mountPoint]);
      const dataDir = join(mountPoint, 'data');
      mkdirSync(dataDir);
      return dataDir;
    },
    apply() {
      const fd = openSync(ballast(), 'w');
      try {
        // Big writes until the disk refuses, then page-sized ones for what is left between them.
        for (const size of [mib, 4 * kib]) {
          const chunk = Buffer.alloc(size, 0x55);
          for (;;) {
            try {
              writeSync(fd, chunk);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw error;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    oversizeBytes: () => mib,
    lift() {
      rmSync(ballast(), { force: true });
    },
    dispose() {
      if (mountPoint === null) return;
      run('umount', [mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
      mountPoint = null;
    },
  };
}

function probePrlimit(): string | null {
  if (process.platform !== 'linux') return 'prlimit needs Linux';
  const probe = run('prlimit', ['--version']);
  return probe.ok ? null : `prlimit (util-linux) is not installed: ${probe.output}`;
}

/**
 * A file-size limit (RLIMIT_FSIZE) set on the running host with prlimit,
 * just above the largest file in its data folder: writes past it fail with
 * EFBIG, as on a FAT32 stick's 4 GiB cap. Needs no privilege (only the soft
 * limit is lowered, so it can be raised again), so it runs where a tmpfs
 * cannot be mounted. Node ignores SIGXFSZ, so the host gets the error instead
 * of being killed by the signal.
 */
export function fileSizeLimit(): DiskFault {
  const unavailable = probePrlimit();
  let dataDir: string | null = null;
  let limit = 0;
  return {
    name: 'a file-size limit reached (RLIMIT_FSIZE on the host process)',
    unavailable,
    blocksOpenFiles: true,
    // A write that crosses the limit is cut short (SQLite: SQLITE_FULL); one that starts beyond it fails with EFBIG (SQLITE_IOERR_WRITE).
    commitRefusals: ['db/diskFull', 'db/writeFailed'],
    importRefusal: 'file/diskFull',
    prepare() {
      dataDir = mkdtempSync(join(tmpdir(), 'hearing-desk-fsize-'));
      return dataDir;
    },
    apply(host) {
      const largest = Math.max(...walk(dataDir as string).map((path) => statSync(path).size));
      limit = largest + 64 * kib;
      must('prlimit', ['--pid', String(host.child.pid), `--fsize=${limit}:`]);
    },
    oversizeBytes: () => limit + mib,
    lift(host) {
      must('prlimit', ['--pid', String(host.child.pid), '--fsize=unlimited:']);
    },
    dispose() {
      if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
      dataDir = null;
    },
  };
}

function probeChattr(): string | null {
  if (process.platform !== 'linux') return 'chattr needs Linux';
  const probe = mkdtempSync(join(tmpdir(), 'hearing-desk-chattr-probe-'));
  try {
    const file = join(probe, 'probe');
    closeSync(openSync(file, 'w'));
    const set = run('chattr', ['+i', file]);
    if (!set.ok) return `chattr +i does not work on ${tmpdir()} (needs root and ext4, xfs or btrfs): ${set.output || 'chattr failed'}`;
    must('chattr', ['-i', file]);
    return null;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/**
 * A data folder that turns read-only under the host, database included, for
 * root: chmod does not stop root, and a tmpfs cannot be remounted read-only
 * while the database is open for writing (EBUSY), but the immutable
 * attribute stops every write, through open files too (EPERM), as a disk the
 * kernel remounted read-only after an error would.
 */
export function immutableFolder(): DiskFault {
  const unavailable = probeChattr();
  let dataDir: string | null = null;
  let frozen: string[] = [];
  const thaw = () => {
    if (frozen.length > 0) must('chattr', ['-i', ...frozen]);
    frozen = [];
  };
  return {
    name: 'a data folder that turns read-only (chattr +i, as root)',
    unavailable,
    blocksOpenFiles: true,
    // SQLite reports a write refused under an open file as a disk I/O error, which cannot say read-only.
    commitRefusals: ['db/readOnly', 'db/writeFailed'],
    importRefusal: 'file/readOnly',
    prepare() {
      dataDir = mkdtempSync(join(tmpdir(), 'hearing-desk-immutable-'));
      return dataDir;
    },
    apply() {
      frozen = dataPaths(dataDir as string);
      must('chattr', ['+i', ...frozen]);
    },
    oversizeBytes: () => 256 * kib,
    lift: thaw,
    dispose() {
      thaw();
      if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
      dataDir = null;
    },
  };
}

/**
 * A data folder whose permissions are taken away, for a user who is not
 * root. Permissions are checked when a file is opened, so the open database
 * goes on committing (and must); evidence imports, which create files, are
 * refused.
 */
export function unwritableFolder(): DiskFault {
  let dataDir: string | null = null;
  let locked: string[] = [];
  const unlock = () => {
    for (const path of locked) chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
    locked = [];
  };
  return {
    name: 'a data folder that turns read-only (chmod a-w, not root)',
    unavailable: isRoot ? 'running as root, whom chmod does not stop (the chattr +i test covers root)' : null,
    blocksOpenFiles: false,
    commitRefusals: ['db/readOnly', 'db/writeFailed'],
    importRefusal: 'file/readOnly',
    prepare() {
      dataDir = mkdtempSync(join(tmpdir(), 'hearing-desk-unwritable-'));
      return dataDir;
    },
    apply() {
      locked = dataPaths(dataDir as string).reverse();
      for (const path of locked) chmodSync(path, statSync(path).isDirectory() ? 0o555 : 0o444);
    },
    oversizeBytes: () => 256 * kib,
    lift: unlock,
    dispose() {
      unlock();
      if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
      dataDir = null;
    },
  };
}

/** The read-only mechanism this user can use: chattr as root, chmod otherwise. */
export function readOnlyFolder(): DiskFault {
  return isRoot ? immutableFolder() : unwritableFolder();
}

/**
 * What is wrong with the evidence store of a data folder, each problem as a
 * sentence: a file left in `.tmp` is a copy that was never finished or never
 * cleaned up; a file under a real name must be complete, which is to say its
 * contents hash to its name.
 */
export function storeProblems(dataDir: string): string[] {
  const dir = join(dataDir, filesDirName);
  if (!existsSync(dir)) return [];
  const problems: string[] = [];
  for (const shard of readdirSync(dir, { withFileTypes: true })) {
    const shardPath = join(dir, shard.name);
    if (shard.name === '.tmp') {
      for (const left of readdirSync(shardPath)) problems.push(`a partial copy was left behind: files/.tmp/${left}`);
      continue;
    }
    if (!shard.isDirectory() || !/^[0-9a-f]{2}$/.test(shard.name)) {
      problems.push(`not a store entry: files/${shard.name}`);
      continue;
    }
    for (const file of readdirSync(shardPath)) {
      const name = `${shard.name}${file}`;
      const actual = createHash('sha256')
        .update(readFileSync(join(shardPath, file)))
        .digest('hex');
      if (actual !== name) problems.push(`files/${shard.name}/${file} is incomplete or damaged: its contents hash to ${actual}`);
    }
  }
  return problems;
}

/** Files the database says are attached to an exhibit, or on the display, that the store does not hold. */
export function danglingFileReferences(dataDir: string): string[] {
  const db = new Database(join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT 'exhibit ' || exhibit_id AS owner, sha256 FROM exhibit_files UNION ALL SELECT 'display of ' || hearing_id, sha256 FROM presentations WHERE sha256 IS NOT NULL`,
      )
      .all() as { owner: string; sha256: string }[];
    return rows
      .filter(({ sha256 }) => !existsSync(join(dataDir, filesDirName, sha256.slice(0, 2), sha256.slice(2))))
      .map(({ owner, sha256 }) => `${owner} → ${sha256}`);
  } finally {
    db.close();
  }
}
