import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openCore } from '../../electron/core/app.js';
import { openDatabase } from '../../electron/core/db/index.js';
import { findAppRoot } from '../../electron/core/paths.js';
import { meanMs, result, type Benchmark } from './harness.js';
import { tempDir } from './temp.js';

const input = {
  matterNo: '青信访〔2026〕第0317号',
  title: '王建平不服东城街道房屋征收补偿决定信访事项',
  templateId: 'petition',
  plannedStart: '2026-12-08T09:30',
  venue: '青秀区信访局三楼听证室',
  organizer: '南宁市青秀区信访局',
  isPublic: true,
  nonPublicReason: '',
};

/**
 * What the contract costs: creating a hearing through the router (validation,
 * template check, audit link, event, one durable transaction) against a raw
 * prepared INSERT of the same row, each in its own durable transaction.
 */
export const hearingCreate: Benchmark = {
  name: 'hearing.create',
  async run({ quick }) {
    const count = quick ? 200 : 2000;
    const rawDb = openDatabase(join(tempDir(), 'raw.sqlite'));
    const insert = rawDb.prepare(
      `INSERT INTO hearings (id, matter_no, title, template_id, planned_start, venue, organizer, is_public, non_public_reason, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, '', 'preparing', ?, ?)`,
    );
    const raw = await meanMs(count, () => {
      const now = new Date().toISOString();
      rawDb.transaction(() =>
        insert.run(randomUUID(), input.matterNo, input.title, input.templateId, input.plannedStart, input.venue, input.organizer, now, now),
      )();
    });
    rawDb.close();

    const core = openCore({ dataDir: tempDir(), resourcesDir: join(findAppRoot(import.meta.url), 'resources') });
    const viaRouter = await meanMs(count, async () => {
      const created = await core.router.invoke('hearing.create', input, { actor: 'bench' });
      if (!created.ok) throw new Error(JSON.stringify(created.error));
    });
    core.close();
    return result('hearing.create', viaRouter, raw, 'ms/op', 1.5);
  },
};
