import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wangJianpingHearing } from '../../fixtures/hearings.js';
import { openTestCore, tempDir } from '../support/core.js';

const repoRoot = resolve(import.meta.dirname, '../../..');

/** Runs the CLI from source (through tsx), so these tests need no build. */
function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'electron/cli/index.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'zh_CN.UTF-8' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('hearing-desk list', () => {
  it('prints the hearings of a data folder as JSON', async () => {
    const core = openTestCore();
    const created = await core.ok('hearing.create', wangJianpingHearing);
    core.close();
    const run = cli('list', '--data', core.dataDir, '--json');
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
    const run = cli('list', '--data', core.dataDir);
    expect(run.stdout.trim().split('\n')).toEqual([`2026-12-08 09:30\t青信访〔2026〕第0317号\tpreparing\t${wangJianpingHearing.title}`]);
  });

  it('exits 2 with one clear line for a database from a newer version', () => {
    const dataDir = tempDir();
    const db = new Database(join(dataDir, 'hearing-desk.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    const run = cli('list', '--data', dataDir);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('更新版本的听证台');
  });
});

describe('hearing-desk usage', () => {
  it('exits 2 for an unknown command or option', () => {
    expect(cli('frobnicate').code).toBe(2);
    expect(cli('list', '--colour').code).toBe(2);
  });

  it('exits 0 for help', () => {
    const run = cli('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('serve');
  });
});
