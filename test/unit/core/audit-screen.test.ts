import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingKeys, readLocales } from '../../../scripts/lint/locales.js';
import { languages } from '../../../electron/core/contract/languages.js';
import { methods } from '../../../electron/core/contract/index.js';
import { liXiuyingHearing, wangJianpingHearing } from '../../fixtures/hearings.js';
import { openTestCore, refusal } from '../support/core.js';

/** The 操作日志 screen's two queries (issue 9 item 6): paging the trail, filtering it, and the chain's verdict. */

const seqs = (page: { entries: Array<{ seq: number }> }) => page.entries.map((entry) => entry.seq);

describe('audit.list', () => {
  it('pages newest first by seq, and says when the oldest has been shown', async () => {
    const core = openTestCore();
    for (let i = 1; i <= 5; i += 1) await core.ok('hearing.create', { ...wangJianpingHearing, matterNo: `青信访〔2026〕第${i}号` });
    const first = await core.ok('audit.list', { limit: 2 });
    expect(seqs(first)).toEqual([5, 4]);
    expect(first.nextBefore).toBe(4);
    const second = await core.ok('audit.list', { limit: 2, before: 4 });
    expect(seqs(second)).toEqual([3, 2]);
    const last = await core.ok('audit.list', { limit: 2, before: second.nextBefore! });
    expect(seqs(last)).toEqual([1]);
    expect(last.nextBefore).toBeNull();
    // A page that ends exactly at the oldest entry has no next page either.
    expect((await core.ok('audit.list', { limit: 5 })).nextBefore).toBeNull();
    expect(seqs(await core.ok('audit.list', {}))).toEqual([5, 4, 3, 2, 1]);
    core.close();
  });

  it('filters by hearing, joins its title and lists the changed fields', async () => {
    const core = openTestCore();
    const wang = await core.ok('hearing.create', wangJianpingHearing);
    const li = await core.ok('hearing.create', liXiuyingHearing);
    await core.ok('request.add', { hearingId: wang.id, text: '撤销补偿决定' });
    await core.ok('calendar.set', { date: '2026-10-01', kind: 'holiday', name: '国庆节' });
    const { templateId: _template, ...liFacts } = liXiuyingHearing;
    await core.ok('hearing.update', { ...liFacts, hearingId: li.id, venue: '青秀区信访局一楼接待室' });

    const page = await core.ok('audit.list', { hearingId: wang.id });
    expect(page.entries.map(({ seq, actor, action, hearingTitle }) => ({ seq, actor, action, hearingTitle }))).toEqual([
      { seq: 3, actor: 'test', action: 'request.add', hearingTitle: wangJianpingHearing.title },
      { seq: 1, actor: 'test', action: 'hearing.create', hearingTitle: wangJianpingHearing.title },
    ]);
    const [edit] = (await core.ok('audit.list', { hearingId: li.id, limit: 1 })).entries;
    expect(edit).toMatchObject({ action: 'hearing.update', fields: ['venue'], afterStart: false });
    const [holiday] = (await core.ok('audit.list', { before: 5, limit: 1 })).entries;
    expect(holiday).toMatchObject({ seq: 4, action: 'calendar.set', hearingId: null, hearingTitle: null, fields: [] });
    core.close();
  });

  it('still lists a row whose detail was replaced by something unreadable', async () => {
    const core = openTestCore();
    await core.ok('hearing.create', wangJianpingHearing);
    core.db.prepare("UPDATE audit_log SET detail = 'not json' WHERE seq = 1").run();
    expect((await core.ok('audit.list', {})).entries[0]).toMatchObject({ seq: 1, fields: [], afterStart: false });
    core.close();
  });

  it('refuses a page size outside 1..200 and a seq that is not a positive integer', async () => {
    const core = openTestCore();
    for (const input of [{ limit: 0 }, { limit: 201 }, { before: 0 }, { before: 1.5 }, { hearingId: 'x' }]) {
      expect((await refusal(core, 'audit.list', input)).code).toBe('validation');
    }
    core.close();
  });
});

describe('audit.status', () => {
  it('is verified with the count while every link holds', async () => {
    const core = openTestCore();
    expect(await core.ok('audit.status', {})).toEqual({ intact: true, entries: 0 });
    for (let i = 1; i <= 3; i += 1) await core.ok('hearing.create', wangJianpingHearing);
    expect(await core.ok('audit.status', {})).toEqual({ intact: true, entries: 3 });
    core.close();
  });

  it('names the row edited directly in SQL, and the list still shows it', async () => {
    const core = openTestCore();
    for (let i = 1; i <= 5; i += 1) await core.ok('hearing.create', wangJianpingHearing);
    core.db.prepare("UPDATE audit_log SET action = 'hearing.update' WHERE seq = 4").run();
    expect(await core.ok('audit.status', {})).toMatchObject({ intact: false, brokenAt: 4 });
    expect(seqs(await core.ok('audit.list', {}))).toEqual([5, 4, 3, 2, 1]);
    core.close();
  });
});

describe('action labels', () => {
  const locales = readLocales(resolve(import.meta.dirname, '../../../resources/locales'));

  it('exist for every mutation of the contract, in every language', () => {
    const mutations = Object.entries(methods)
      .filter(([, spec]) => spec.kind === 'mutation')
      .map(([name]) => name);
    expect(mutations.length).toBeGreaterThan(0);
    for (const language of languages) {
      const keys = new Set(locales[language]?.audit);
      expect(
        mutations.filter((name) => !keys.has(`actions.${name}`)),
        `${language} audit:actions`,
      ).toEqual([]);
    }
    expect(missingKeys(locales)).toEqual([]);
  });
});
