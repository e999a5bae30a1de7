import { insertHearingEvent } from '../db/hearing-events.js';
import { findHearing } from '../db/hearings.js';
import type { Db } from '../db/index.js';
import { insertEntry, latestRevision, listEventsWithoutEntry } from '../db/minutes.js';
import { findProcedure } from '../db/procedure.js';
import { eventSentence, storedEvent } from '../minutes/event-sentences.js';
import { roleNameIn } from '../minutes/speakers.js';
import type { ServiceDeps } from '../services.js';
import type { HearingTemplate } from '../templates/schema.js';

/**
 * What happened in the room, as data: who checked in, who applied for whose
 * recusal and what was decided. Each is written into the live minutes at
 * once as its standard sentence, in the same transaction, so the record and
 * what happened can never disagree.
 */
export type HearingEventData =
  | { kind: 'attendance.checkedIn'; participantId: string; name: string; role: string; late: boolean }
  | { kind: 'attendance.absent'; participantId: string; name: string; role: string; reason: string; excused: boolean }
  | { kind: 'attendance.left'; participantId: string; name: string; role: string }
  | { kind: 'attendance.identityChecked'; participantId: string; name: string; role: string; checkedBy: string }
  | { kind: 'recusal.applied'; recusalId: string; applicant: string; against: string; againstRole: string; grounds: string }
  | { kind: 'recusal.decided'; recusalId: string; against: string; againstRole: string; decision: 'granted' | 'refused'; decidedBy: string; reason: string }
  | { kind: 'procedure.started' }
  | { kind: 'step.started'; stepId: string; name: string; nameEn: string; type: string; deliberation: boolean }
  | { kind: 'step.skipped'; stepId: string; name: string; nameEn: string; reason: string }
  | { kind: 'step.added'; stepId: string; name: string }
  | { kind: 'procedure.adjourned'; reason: string }
  | { kind: 'procedure.suspended'; reason: string }
  | { kind: 'procedure.postponed'; reason: string }
  | { kind: 'procedure.resumed' }
  | { kind: 'procedure.closed' }
  | { kind: 'floor.given'; participantId: string; name: string; role: string; side: string; limitMs: number }
  | { kind: 'floor.ended'; participantId: string; name: string; spokenMs: number }
  | { kind: 'evidence.submittedLate'; exhibitId: string; label: string; labelEn: string; name: string; submitter: string }
  | { kind: 'evidence.presented'; exhibitId: string; label: string; labelEn: string; name: string }
  | { kind: 'evidence.examined'; exhibitId: string; sentence: string; sentenceEn: string }
  | { kind: 'deliberation.announced'; manner: 'onSpot' | 'later'; text: string };

/** The actor the minutes name for entries the procedure writes. */
const systemActor = 'system';

function writeEventEntry(db: Db, template: HearingTemplate | undefined, seq: number, hearingId: string, at: string, event: HearingEventData): void {
  const roleName = template ? roleNameIn(template) : (role: string) => role;
  insertEntry(
    db,
    {
      hearingId,
      clientId: null,
      stepId: findProcedure(db, hearingId)?.currentStepId ?? null,
      kind: 'event',
      speakerId: null,
      speakerLabel: '',
      startedAt: at,
      text: eventSentence(event, roleName),
      offRecord: false,
      eventSeq: seq,
      eventKind: event.kind,
    },
    at,
    systemActor,
  );
}

/** Records the event and its sentence in the minutes; call inside the change's own transaction. */
export function recordHearingEvent({ db, clock, bus, templates }: ServiceDeps, hearingId: string, event: HearingEventData): number {
  const { kind, ...data } = event;
  const at = clock.now().toISOString();
  const seq = insertHearingEvent(db, hearingId, at, kind, data);
  const templateId = findHearing(db, hearingId)?.templateId;
  writeEventEntry(
    db,
    templates.find((template) => template.id === templateId),
    seq,
    hearingId,
    at,
    event,
  );
  bus.emit('minutes.changed', { hearingId, revision: latestRevision(db, hearingId) });
  return seq;
}

/**
 * Writes into the minutes the events recorded before the minutes existed
 * (a database from before version 6), at the step where the hearing stands.
 * Entries are only ever marked deleted, so nothing a clerk removed returns.
 */
export function writeMissingEventEntries(db: Db, templates: readonly HearingTemplate[]): number {
  const missing = listEventsWithoutEntry(db);
  db.transaction(() => {
    for (const row of missing) {
      const templateId = findHearing(db, row.hearingId)?.templateId;
      const event = storedEvent(row.kind, JSON.parse(row.data) as Record<string, unknown>);
      writeEventEntry(
        db,
        templates.find((template) => template.id === templateId),
        row.seq,
        row.hearingId,
        row.at,
        event,
      );
    }
  })();
  return missing.length;
}
