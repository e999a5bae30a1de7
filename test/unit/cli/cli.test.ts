import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../electron/cli/run.js';
import { wangJianpingHearing } from '../../fixtures/hearings.js';
import { openTestCore, tempDir } from '../support/core.js';
import { finalized } from '../support/finalizable.js';
import { readyHearing } from '../support/hearing.js';

const repoRoot = resolve(import.meta.dirname, '../../..');

/** A Chinese desktop's locale: messages come out in Chinese. */
const chineseLocale = { LANG: 'zh_CN.UTF-8' };

// The sample command finalizes through LibreOffice where it is installed, and a process loads the whole core: seconds, not a unit's milliseconds.
vi.setConfig({ testTimeout: 60_000 });

/** The CLI's commands run in this process, as the installed command runs them, with what they print caught. */
function cli(...args: string[]) {
  return cliWithInput('', ...args);
}

/** The same, with a line typed on standard input. */
async function cliWithInput(input: string, ...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(args, {
    out: (line) => stdout.push(`${line}\n`),
    err: (line) => stderr.push(`${line}\n`),
    stdin: Readable.from([input]),
    env: chineseLocale,
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

/**
 * The CLI as its own process, from source (through tsx), so these tests need
 * no build: for what only a process shows, its exit status and a password
 * typed on its real standard input. Loading the core takes seconds on a busy
 * machine, so only that test and the one of `serve` pay for it.
 */
function cliProcess(args: string[], input: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'electron/cli/index.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    input,
    env: { ...process.env, ...chineseLocale },
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('hearing-desk list', () => {
  it('prints the hearings of a data folder as JSON', async () => {
    const core = openTestCore();
    const created = await core.ok('hearing.create', wangJianpingHearing);
    core.close();
    const run = await cli('list', '--data', core.dataDir, '--json');
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(listed).toEqual([
      expect.objectContaining({ id: created.id, matterNo: '青信访〔2026〕第0317号', title: wangJianpingHearing.title, status: 'preparing' }),
    ]);
  });

  it('prints one line per hearing for people', async () => {
    const core = openTestCore();
    await core.ok('hearing.create', wangJianpingHearing);
    core.close();
    const run = await cli('list', '--data', core.dataDir);
    expect(run.stdout.trim().split('\n')).toEqual([`2026-12-08 09:30\t青信访〔2026〕第0317号\tpreparing\t${wangJianpingHearing.title}`]);
  });

  it('exits 2 with one clear line for a database from a newer version', async () => {
    const dataDir = tempDir();
    const db = new Database(join(dataDir, 'hearing-desk.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    const run = await cli('list', '--data', dataDir);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('更新版本的听证台');
  });
});

describe('hearing-desk usage', () => {
  it('exits 2 for an unknown command or option', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('list', '--colour')).code).toBe(2);
  });

  it('exits 0 for help', async () => {
    const run = await cli('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('serve');
  });
});

describe('hearing-desk verify, documents and export', () => {
  it('verifies an exported package (exit 0), names a damaged file (exit 1) and calls a missing file unreadable (exit 2)', async () => {
    const setup = await readyHearing();
    const { finalization } = await finalized(setup);
    setup.core.close();
    const out = join(tempDir(), '案卷.zip');
    const exported = await cli('export', '--data', setup.core.dataDir, '--hearing', setup.hearing.id, '--out', out);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(finalization.manifestSha256);

    const intact = await cli('verify', out);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain(`valid, signed by ${finalization.keyFingerprint}`);

    const bytes = readFileSync(out);
    bytes[300] = (bytes[300] as number) ^ 0xff;
    const damaged = join(tempDir(), '案卷-损坏.zip');
    writeFileSync(damaged, bytes);
    const broken = await cli('verify', damaged, '--json');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ valid: false, file: expect.stringMatching(/^documents\//) });

    expect((await cli('verify', join(tempDir(), 'missing.zip'))).code).toBe(2);
  });

  it('writes every document of a hearing as .docx, skipping those that do not apply yet', async () => {
    const core = openTestCore();
    const created = await core.ok('hearing.create', wangJianpingHearing);
    core.close();
    const out = tempDir();
    const run = await cli('documents', '--data', core.dataDir, '--hearing', created.id, '--out', out);
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      expect.arrayContaining([
        `${wangJianpingHearing.title}-听证笔录.docx`,
        `${wangJianpingHearing.title}-听证通知书.docx`,
        `${wangJianpingHearing.title}-签到表.docx`,
      ]),
    );
    expect(run.stderr).toContain('skipped deliberationRecord');
  });

  it('refuses export before finalizing, with the reason in Chinese', async () => {
    const core = openTestCore();
    const created = await core.ok('hearing.create', wangJianpingHearing);
    core.close();
    const run = await cli('export', '--data', core.dataDir, '--hearing', created.id, '--out', join(tempDir(), 'x.zip'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('该听证尚未归档');
  });
});

describe('hearing-desk sample', () => {
  it('creates the finalized sample hearing once and prints its id and title', async () => {
    const dataDir = tempDir();
    const run = await cli('sample', '--data', dataDir);
    expect(run.code).toBe(0);
    const [id, title] = run.stdout.trim().split('\t');
    expect(title).toContain('（示例）');
    expect((await cli('sample', '--data', dataDir)).stdout.trim()).toBe(`${id}\t${title}`);
    const core = openTestCore(dataDir);
    const hearings = await core.ok('hearing.list', {});
    core.close();
    expect(hearings).toEqual([expect.objectContaining({ id, status: 'finalized' })]);
  });
});

describe('hearing-desk backup, backup-info and restore', () => {
  it('backs up a data folder, shows what the backup holds and restores it into an empty folder', async () => {
    const core = openTestCore();
    await core.ok('hearing.create', wangJianpingHearing);
    core.close();
    const out = join(tempDir(), 'backup.zip');
    expect((await cli('backup', '--data', core.dataDir, '--out', out)).code).toBe(0);
    const info = await cli('backup-info', out, '--json');
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ counts: { hearings: 1, finalized: 0 }, keyFingerprint: null });
    const target = join(tempDir(), 'restored');
    const restored = await cli('restore', '--data', target, out);
    expect(restored.code).toBe(0);
    expect(JSON.parse((await cli('list', '--data', target, '--json')).stdout)).toHaveLength(1);
  });

  it('exits 2 with one clear line for a file that is not a backup, changing nothing', async () => {
    const notes = join(tempDir(), 'notes.txt');
    writeFileSync(notes, '这不是备份');
    const target = tempDir();
    const run = await cli('restore', '--data', target, notes);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('不是听证台的备份文件');
    expect(readdirSync(target)).toEqual([]);
  });

  it('serve on a damaged database starts in recovery mode, naming the latest backup and the command that restores it', async () => {
    const folder = tempDir();
    const core = openTestCore();
    await core.ok('settings.setBackupFolder', { folder });
    await core.ok('backup.create', {});
    core.close();
    writeFileSync(join(core.dataDir, 'hearing-desk.sqlite'), Buffer.alloc(8192, 0x41));
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'electron/cli/index.ts'), 'serve', '--data', core.dataDir, '--port', '0'], {
      cwd: repoRoot,
      env: { ...process.env, LANG: 'zh_CN.UTF-8' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      // It serves the restore offer instead of exiting: the page is where the office restores.
      await vi.waitFor(() => expect(stdout).toMatch(/serving at http:\/\/127\.0\.0\.1:\d+\/ \(recovery mode/), { timeout: 30_000, interval: 100 });
      expect(stderr).toContain('数据库文件已损坏');
      const [snapshot] = readdirSync(folder);
      expect(stderr).toContain(`hearing-desk restore --data ${JSON.stringify(core.dataDir)} ${JSON.stringify(join(folder, snapshot!))}`);
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('hearing-desk reset-password', () => {
  it('sets the forgotten password of the only administrator, read from standard input, and the audit log says so', async () => {
    const core = openTestCore();
    const setup = await core.router.invoke('auth.setup', { username: 'wangfang', displayName: '王芳', password: 'forgotten-2025' }, { session: null });
    expect(setup.ok).toBe(true);
    core.close();

    const run = cliProcess(['reset-password', '--user', 'WangFang', '--data', core.dataDir], 'xin-mima-2026\n');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('password set\twangfang\t王芳');

    const reopened = openTestCore(core.dataDir);
    const signIn = (password: string) => reopened.router.invoke('auth.signIn', { username: 'wangfang', password }, { session: null });
    expect((await signIn('forgotten-2025')).ok).toBe(false);
    expect((await signIn('xin-mima-2026')).ok).toBe(true);
    expect(reopened.db.prepare(`SELECT actor FROM audit_log WHERE action = 'users.resetPassword'`).pluck().all()).toEqual(['cli']);
    reopened.close();
  });

  it('refuses an unknown name and a short password with one clear line, changing nothing', async () => {
    const core = openTestCore();
    await core.router.invoke('auth.setup', { username: 'wangfang', displayName: '王芳', password: 'forgotten-2025' }, { session: null });
    core.close();
    const unknown = await cliWithInput('xin-mima-2026\n', 'reset-password', '--user', 'nobody', '--data', core.dataDir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('hearing-desk: 找不到该用户。');
    const short = await cliWithInput('short\n', 'reset-password', '--user', 'wangfang', '--data', core.dataDir);
    expect(short.code).toBe(2);
    expect(short.stderr.trim()).toBe('hearing-desk: 输入有误，请检查标出的字段。 密码至少 8 个字符。');
    const reopened = openTestCore(core.dataDir);
    expect((await reopened.router.invoke('auth.signIn', { username: 'wangfang', password: 'forgotten-2025' }, { session: null })).ok).toBe(true);
    reopened.close();
  });
});
