import { randomUUID } from 'node:crypto';
import type { Db } from '../db/index.js';
import type { HearingRecord } from '../db/hearings.js';
import { insertStep, type StepRecord } from '../db/procedure.js';
import type { HearingTemplate } from '../templates/schema.js';

/**
 * The hearing's own copy of its template's agenda: from here on the steps
 * belong to the hearing, so reordering or adding one changes this hearing
 * only. The non-public notice is left out of a public hearing.
 */
export function createAgenda(db: Db, hearing: HearingRecord, template: HearingTemplate): StepRecord[] {
  const steps = template.agenda
    .filter((step) => !(step.type === 'nonPublicNotice' && hearing.isPublic))
    .map((step, index): StepRecord => ({
      id: randomUUID(),
      hearingId: hearing.id,
      position: index + 1,
      templateStepId: step.id,
      type: step.type,
      nameZh: step.name['zh-CN'],
      nameEn: step.name.en,
      plannedMinutes: step.minutes,
      scriptZh: step.script['zh-CN'],
      scriptEn: step.script.en,
      speakerSides: step.speakerSides,
      status: 'pending',
      skipReason: '',
      startedAt: null,
      endedAt: null,
      activeMs: 0,
      runningSince: null,
    }));
  for (const step of steps) insertStep(db, step);
  return steps;
}

/** Puts `moving` at a 1-based position and numbers every step again, closing gaps. */
export function reordered(steps: readonly StepRecord[], moving: StepRecord, position: number): StepRecord[] {
  const others = steps.filter((step) => step.id !== moving.id);
  const target = Math.min(Math.max(position, 1), others.length + 1);
  return [...others.slice(0, target - 1), moving, ...others.slice(target - 1)].map((step, index) => ({ ...step, position: index + 1 }));
}
