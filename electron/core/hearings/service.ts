import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/log.js';
import type { Hearing, HearingRules } from '../contract/index.js';
import { listCalendarDays } from '../db/calendar.js';
import { insertHearing, listHearings, updateHearing, type HearingRecord } from '../db/hearings.js';
import { AppError } from '../errors.js';
import type { Handlers } from '../router.js';
import { localDateOf } from '../deadlines/calendar.js';
import { requireEditableHearing, requireHearing, requireTemplate, type ServiceDeps } from '../services.js';
import { createAgenda } from '../procedure/agenda.js';
import { hearingDeadlines, officeCalendar } from './deadlines.js';
import { effectiveRules } from './rules.js';

type HearingHandlers = Pick<Handlers, 'hearing.create' | 'hearing.update' | 'hearing.list' | 'hearing.get' | 'hearing.rules' | 'hearing.setRules'>;

/** Hearings as every list shows them: with the deadlines they must keep today, by the office's calendar. */
export function presentHearings({ db, clock, templates }: Pick<ServiceDeps, 'db' | 'clock' | 'templates'>, records: readonly HearingRecord[]): Hearing[] {
  const calendar = officeCalendar(listCalendarDays(db));
  const today = localDateOf(clock.now());
  return records.map((record) => {
    const template = templates.find((candidate) => candidate.id === record.templateId);
    const deadlines = template
      ? hearingDeadlines(record, effectiveRules(template, record.ruleOverrides), calendar, today)
      : { decideBy: null, holdBy: null, noticeBy: null, overdue: [] };
    return { ...record, deadlines };
  });
}

export function hearingHandlers(deps: ServiceDeps): HearingHandlers {
  const { db, clock, bus, templates } = deps;
  const present = (records: HearingRecord[]) => presentHearings(deps, records);

  function rulesOf(record: HearingRecord): HearingRules {
    return { effective: effectiveRules(requireTemplate(templates, record.templateId), record.ruleOverrides), overrides: record.ruleOverrides };
  }

  /** Names of the fields a change touches, so the audit trail says what changed and not only that something did. */
  function changedFields(before: HearingRecord, after: HearingRecord): string[] {
    return (Object.keys(after) as (keyof HearingRecord)[]).filter((key) => key !== 'updatedAt' && JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  }

  return {
    'hearing.create': (input, ctx) => {
      const template = requireTemplate(templates, input.templateId);
      const now = clock.now().toISOString();
      const record: HearingRecord = {
        id: randomUUID(),
        ...input,
        nonPublicReason: input.isPublic ? '' : input.nonPublicReason,
        status: 'preparing',
        ruleOverrides: {},
        createdAt: now,
        updatedAt: now,
      };
      db.transaction(() => {
        insertHearing(db, record);
        createAgenda(db, record, template);
        recordAudit(db, clock, ctx, { action: 'hearing.create', hearingId: record.id, after: record });
      })();
      bus.emit('hearing.created', { hearingId: record.id });
      return present([record])[0] as Hearing;
    },
    'hearing.update': ({ hearingId, ...fields }, ctx) => {
      const before = requireEditableHearing(db, hearingId);
      const after: HearingRecord = {
        ...before,
        ...fields,
        nonPublicReason: fields.isPublic ? '' : fields.nonPublicReason,
        updatedAt: clock.now().toISOString(),
      };
      const changed = changedFields(before, after);
      if (changed.length === 0) return present([before])[0] as Hearing;
      db.transaction(() => {
        updateHearing(db, after);
        recordAudit(db, clock, ctx, { action: 'hearing.update', hearingId, before, after, fields: changed, afterStart: before.status !== 'preparing' });
      })();
      bus.emit('hearing.updated', { hearingId });
      return present([after])[0] as Hearing;
    },
    'hearing.list': () => present(listHearings(db)),
    'hearing.get': ({ hearingId }) => present([requireHearing(db, hearingId)])[0] as Hearing,
    'hearing.rules': ({ hearingId }) => rulesOf(requireHearing(db, hearingId)),
    'hearing.setRules': ({ hearingId, overrides }, ctx) => {
      const before = requireEditableHearing(db, hearingId);
      const after: HearingRecord = { ...before, ruleOverrides: overrides, updatedAt: clock.now().toISOString() };
      const rules = rulesOf(after);
      const impossible = rules.effective.roles.filter((role) => role.max !== null && role.max < role.min);
      if (impossible.length > 0) {
        throw new AppError('validation', {
          issues: impossible.map((role) => ({
            path: `overrides.roles.${role.kind}.max`,
            key: 'validation.maxBelowMin',
            params: { min: role.min, max: role.max ?? 0 },
          })),
        });
      }
      db.transaction(() => {
        updateHearing(db, after);
        recordAudit(db, clock, ctx, { action: 'hearing.setRules', hearingId, before: before.ruleOverrides, after: overrides });
      })();
      bus.emit('hearing.updated', { hearingId });
      return rules;
    },
  };
}
