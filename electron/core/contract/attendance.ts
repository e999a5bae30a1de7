import { z } from 'zod';
import { mutation, query, returns } from './define.js';
import { id, optionalText, requiredText } from './fields.js';
import type { Participant } from './participants.js';
import type { RoleKind } from './roles.js';

export interface RoleAttendance {
  role: RoleKind;
  expected: number;
  present: number;
  late: number;
  absent: number;
  left: number;
  pending: number;
}

export interface AttendanceSummary {
  byRole: RoleAttendance[];
  /** Parties absent without a stated excuse: their absence may count as waiving the hearing (视为放弃). */
  absentWithoutReason: string[];
  identityUnchecked: string[];
}

export const attendanceMethods = {
  'attendance.checkIn': mutation(
    z.object({ participantId: id, late: z.boolean().default(false) }).strict(),
    returns<Participant>(),
    'Marks a person present (or late) at the current time.',
  ),
  'attendance.markAbsent': mutation(
    z.object({ participantId: id, reason: optionalText(200).default(''), excused: z.boolean().default(false) }).strict(),
    returns<Participant>(),
    'Marks a person absent, with the reason if one was given.',
  ),
  'attendance.markLeft': mutation(z.object({ participantId: id }).strict(), returns<Participant>(), 'Records that a checked-in person left before the end.'),
  'attendance.verifyIdentity': mutation(
    z.object({ participantId: id, checkedBy: requiredText(50) }).strict(),
    returns<Participant>(),
    'Records that the clerk checked the identity document, and who did.',
  ),
  'attendance.reset': mutation(z.object({ participantId: id }).strict(), returns<Participant>(), 'Undoes a check-in entered by mistake.'),
  'attendance.summary': query(
    z.object({ hearingId: id }).strict(),
    returns<AttendanceSummary>(),
    'Attendance by role, and the absences that need the chair’s attention.',
  ),
} as const;

export const attendanceEvents = {
  'attendance.changed': z.object({ hearingId: id, participantId: id }),
} as const;
