import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openCore } from '../../electron/core/app.js';
import { openDatabase } from '../../electron/core/db/index.js';
import { findAppRoot } from '../../electron/core/paths.js';
import { loadTemplates } from '../../electron/core/templates/load.js';
import { wangJianpingHearing } from '../../test/fixtures/hearings.js';
import { meanMs, result, type Benchmark } from './harness.js';
import { tempDir } from './temp.js';

const input = wangJianpingHearing;

/**
 * What the contract costs: creating a hearing through the router (validation,
 * template check, the hearing's own agenda, audit link, event, one durable
 * transaction) against raw prepared INSERTs of the same rows — the hearing,
 * its agenda steps and one audit row — in one durable transaction each.
 */
export const hearingCreate: Benchmark = {
  name: 'hearing.create',
  async run({ quick }) {
    const count = quick ? 200 : 2000;
    const resourcesDir = join(findAppRoot(import.meta.url), 'resources');
    const template = loadTemplates(join(resourcesDir, 'templates')).templates.find((candidate) => candidate.id === input.templateId);
    if (!template) throw new Error('the petition template is missing');
    const steps = template.agenda.filter((step) => step.type !== 'nonPublicNotice');

    const rawDb = openDatabase(join(tempDir(), 'raw.sqlite'));
    const insertHearing = rawDb.prepare(
      `INSERT INTO hearings (id, matter_no, title, template_id, planned_start, venue, organizer, is_public, non_public_reason, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, '', 'preparing', ?, ?)`,
    );
    const insertStep = rawDb.prepare(
      `INSERT INTO agenda_steps (id, hearing_id, position, template_step_id, type, name_zh, name_en, planned_minutes, script_zh, script_en, speaker_sides)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertAudit = rawDb.prepare(
      `INSERT INTO audit_log (seq, at, actor, action, hearing_id, detail, prev_hash, hash) VALUES (?, ?, 'bench', 'hearing.create', ?, '{}', ?, ?)`,
    );
    const raw = await meanMs(count, (index) => {
      const now = new Date().toISOString();
      const hearingId = randomUUID();
      rawDb.transaction(() => {
        insertHearing.run(hearingId, input.matterNo, input.title, input.templateId, input.plannedStart, input.venue, input.organizer, now, now);
        steps.forEach((step, position) =>
          insertStep.run(
            randomUUID(),
            hearingId,
            position + 1,
            step.id,
            step.type,
            step.name['zh-CN'],
            step.name.en,
            step.minutes,
            step.script['zh-CN'],
            step.script.en,
            '[]',
          ),
        );
        insertAudit.run(index + 1, now, hearingId, '0'.repeat(64), '0'.repeat(64));
      })();
    });
    rawDb.close();

    const core = openCore({ dataDir: tempDir(), resourcesDir });
    const viaRouter = await meanMs(count, async () => {
      const created = await core.router.invoke('hearing.create', input, { actor: 'bench' });
      if (!created.ok) throw new Error(JSON.stringify(created.error));
    });
    core.close();
    return result('hearing.create', viaRouter, raw, 'ms/op', 1.5);
  },
};
