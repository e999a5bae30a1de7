import type { Clock } from './clock.js';
import type { Db } from './db/index.js';
import { findHearing, type HearingRecord } from './db/hearings.js';
import { AppError } from './errors.js';
import type { EventBus } from './events.js';
import type { HearingTemplate } from './templates/schema.js';

/** What every service is built from. */
export interface ServiceDeps {
  db: Db;
  clock: Clock;
  bus: EventBus;
  templates: readonly HearingTemplate[];
}

export function requireHearing(db: Db, hearingId: string): HearingRecord {
  const hearing = findHearing(db, hearingId);
  if (!hearing) throw new AppError('hearing/notFound', { hearingId });
  return hearing;
}

/** A finalized, signed record is never changed in place: only a signed addendum may follow it. */
export function requireEditableHearing(db: Db, hearingId: string): HearingRecord {
  const hearing = requireHearing(db, hearingId);
  if (hearing.status === 'finalized') throw new AppError('hearing/locked', { hearingId });
  return hearing;
}

export function requireTemplate(templates: readonly HearingTemplate[], templateId: string): HearingTemplate {
  const template = templates.find((candidate) => candidate.id === templateId);
  if (!template) throw new AppError('template/notFound', { templateId });
  return template;
}
