import type { Clock } from '../clock.js';
import type { Db } from '../db/index.js';
import { insertHearingEvent } from '../db/hearing-events.js';

/**
 * What happened in the room, as data: who checked in, who applied for whose
 * recusal and what was decided. The live minutes turn each kind into its
 * standard sentence, so the wording lives in one place.
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
  | { kind: 'evidence.examined'; exhibitId: string; sentence: string; sentenceEn: string };

export function recordHearingEvent(db: Db, clock: Clock, hearingId: string, event: HearingEventData): number {
  const { kind, ...data } = event;
  return insertHearingEvent(db, hearingId, clock.now().toISOString(), kind, data);
}
