import { describe, expect, it } from 'vitest';
import { wangJianpingHearing } from '../../fixtures/hearings.js';
import { openTestCore } from '../support/core.js';

describe('the audit chain', () => {
  it('detects an edited entry at that entry', async () => {
    const core = openTestCore();
    for (let i = 1; i <= 5; i += 1) await core.ok('hearing.create', { ...wangJianpingHearing, matterNo: `青信访〔2026〕第${i}号` });
    core.db.prepare("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3").run();
    expect(core.auditStatus()).toEqual({ intact: false, entries: 3, brokenAt: 3 });
    core.close();
  });

  it('detects a deleted entry where the gap begins', async () => {
    const core = openTestCore();
    for (let i = 1; i <= 4; i += 1) await core.ok('hearing.create', wangJianpingHearing);
    core.db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(core.auditStatus()).toMatchObject({ intact: false, brokenAt: 2 });
    core.close();
  });
});
