import { recordAudit } from '../audit/log.js';
import type { Attendance, AttendanceSummary, Participant, RoleAttendance } from '../contract/index.js';
import { deleteAttendance, listParticipants, writeAttendance, type ParticipantWithState } from '../db/participants.js';
import { AppError } from '../errors.js';
import { effectiveRules } from '../hearings/rules.js';
import { maskedParticipant } from '../participants/present.js';
import { requireParticipant } from '../participants/service.js';
import { recordHearingEvent, type HearingEventData } from '../record/events.js';
import type { CallContext, Handlers } from '../router.js';
import { requireEditableHearing, requireHearing, requireTemplate, type ServiceDeps } from '../services.js';

type AttendanceHandlers = Pick<
  Handlers,
  'attendance.checkIn' | 'attendance.markAbsent' | 'attendance.markLeft' | 'attendance.verifyIdentity' | 'attendance.reset' | 'attendance.summary'
>;

/** Parties whose absence without reason may count as waiving the hearing (domain.md §2). */
const waivingKinds = new Set(['party', 'representative']);

export function attendanceHandlers(deps: ServiceDeps): AttendanceHandlers {
  const { db, clock, bus, templates } = deps;

  /** One attendance change: stored, audited and told to the minutes in one transaction. */
  function change(
    participantId: string,
    ctx: CallContext,
    action: string,
    next: (current: ParticipantWithState, now: string) => Attendance | null,
    event?: (participant: ParticipantWithState) => HearingEventData,
  ): Participant {
    const participant = requireParticipant(db, participantId);
    requireEditableHearing(db, participant.hearingId);
    const now = clock.now().toISOString();
    const attendance = next(participant, now);
    db.transaction(() => {
      if (attendance) writeAttendance(db, participantId, attendance, now);
      else deleteAttendance(db, participantId);
      recordAudit(db, clock, ctx, { action, hearingId: participant.hearingId, before: participant.attendance, after: attendance });
      if (event) recordHearingEvent(deps, participant.hearingId, event(participant));
    })();
    bus.emit('attendance.changed', { hearingId: participant.hearingId, participantId });
    return maskedParticipant(requireParticipant(db, participantId));
  }

  const who = (participant: ParticipantWithState) => ({ participantId: participant.id, name: participant.name, role: participant.role });

  return {
    'attendance.checkIn': ({ participantId, late }, ctx) =>
      change(
        participantId,
        ctx,
        'attendance.checkIn',
        (current, now) => ({
          ...current.attendance,
          status: late ? 'late' : 'present',
          arrivedAt: now,
          leftAt: null,
          absenceReason: '',
          absenceExcused: false,
        }),
        (participant) => ({ kind: 'attendance.checkedIn', ...who(participant), late }),
      ),
    'attendance.markAbsent': ({ participantId, reason, excused }, ctx) =>
      change(
        participantId,
        ctx,
        'attendance.markAbsent',
        (current) => ({ ...current.attendance, status: 'absent', arrivedAt: null, leftAt: null, absenceReason: reason, absenceExcused: excused }),
        (participant) => ({ kind: 'attendance.absent', ...who(participant), reason, excused }),
      ),
    'attendance.markLeft': ({ participantId }, ctx) =>
      change(
        participantId,
        ctx,
        'attendance.markLeft',
        (current, now) => {
          if (current.attendance.status !== 'present' && current.attendance.status !== 'late')
            throw new AppError('attendance/notCheckedIn', { name: current.name });
          return { ...current.attendance, leftAt: now };
        },
        (participant) => ({ kind: 'attendance.left', ...who(participant) }),
      ),
    'attendance.verifyIdentity': ({ participantId, checkedBy }, ctx) =>
      change(
        participantId,
        ctx,
        'attendance.verifyIdentity',
        (current, now) => {
          if (current.attendance.status === 'absent') throw new AppError('attendance/notAbsentable', { name: current.name });
          const base: Attendance =
            current.attendance.status === 'pending' ? { ...current.attendance, status: 'present', arrivedAt: now } : { ...current.attendance };
          return { ...base, identityCheckedBy: checkedBy, identityCheckedAt: now };
        },
        (participant) => ({ kind: 'attendance.identityChecked', ...who(participant), checkedBy }),
      ),
    'attendance.reset': ({ participantId }, ctx) => change(participantId, ctx, 'attendance.reset', () => null),
    'attendance.summary': ({ hearingId }): AttendanceSummary => {
      const hearing = requireHearing(db, hearingId);
      const rules = effectiveRules(requireTemplate(templates, hearing.templateId), hearing.ruleOverrides);
      const participants = listParticipants(db, hearingId);
      const byRole: RoleAttendance[] = rules.roles
        .map((role) => {
          const people = participants.filter((participant) => participant.role === role.kind);
          const count = (status: Attendance['status']) => people.filter((participant) => participant.attendance.status === status).length;
          return {
            role: role.kind,
            expected: people.length,
            present: count('present'),
            late: count('late'),
            absent: count('absent'),
            left: people.filter((participant) => participant.attendance.leftAt !== null).length,
            pending: count('pending'),
          };
        })
        .filter((row) => row.expected > 0);
      return {
        byRole,
        absentWithoutReason: participants
          .filter((participant) => waivingKinds.has(participant.role) && participant.attendance.status === 'absent' && !participant.attendance.absenceExcused)
          .map((participant) => participant.id),
        identityUnchecked: participants
          .filter((participant) => ['present', 'late'].includes(participant.attendance.status) && !participant.attendance.identityCheckedBy)
          .map((participant) => participant.id),
      };
    },
  };
}
