import { z } from 'zod';
import { mutation, query, returns } from './define.js';
import { id, optionalText, requiredText } from './fields.js';
import { isValidIdNumber, isValidPhone, normalizeIdNumber } from './identity.js';
import { roleKinds, type RoleKind } from './roles.js';

export const genders = ['', 'male', 'female'] as const;
export const agentPowers = ['', 'general', 'special'] as const;

const participantFields = {
  role: z.enum(roleKinds),
  name: requiredText(50),
  gender: z.enum(genders).default(''),
  idNumber: optionalText(30)
    .default('')
    .transform((value) => normalizeIdNumber(value))
    .refine((value) => value === '' || isValidIdNumber(value), 'validation.idNumber'),
  phone: optionalText(40)
    .default('')
    .refine((value) => value === '' || isValidPhone(value), 'validation.phone'),
  address: optionalText(200).default(''),
  organization: optionalText(100).default(''),
  post: optionalText(50).default(''),
  agentFor: id.nullable().default(null),
  agentPowers: z.enum(agentPowers).default(''),
  agentPowersText: optionalText(500).default(''),
  notes: optionalText(500).default(''),
};

export const participantInput = z.object({ hearingId: id, ...participantFields }).strict();
export const participantUpdateInput = z.object({ participantId: id, ...participantFields }).strict();
export type ParticipantInput = z.input<typeof participantInput>;

export const attendanceStatuses = ['pending', 'present', 'late', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

export interface Attendance {
  status: AttendanceStatus;
  arrivedAt: string | null;
  leftAt: string | null;
  absenceReason: string;
  absenceExcused: boolean;
  identityCheckedBy: string;
  identityCheckedAt: string | null;
}

/** A participant as lists show them: identity data masked. */
export interface Participant {
  id: string;
  hearingId: string;
  role: RoleKind;
  position: number;
  name: string;
  gender: (typeof genders)[number];
  idNumberMasked: string;
  phoneMasked: string;
  addressMasked: string;
  organization: string;
  post: string;
  agentFor: string | null;
  agentPowers: (typeof agentPowers)[number];
  agentPowersText: string;
  notes: string;
  attendance: Attendance;
  /** A granted recusal stands against this person: excluded from the panel's vote, replaced if chair. */
  recused: boolean;
}

/** The full record, for the edit form only. */
export interface ParticipantDetail extends Participant {
  idNumber: string;
  phone: string;
  address: string;
}

/** A template rule the current roster breaks: a warning while editing, a blocker when the hearing starts. */
export interface RuleWarning {
  key: string;
  params: Record<string, string | number>;
}

export interface ParticipantList {
  participants: Participant[];
  warnings: RuleWarning[];
}

export interface RosterPreviewRow {
  line: number;
  name: string;
  role: RoleKind | null;
  roleText: string;
  idNumberMasked: string;
  issues: { path: string; key: string; params: Record<string, string | number> }[];
}

export interface RosterPreview {
  rows: RosterPreviewRow[];
  problems: { line: number; column?: string; key: string; params?: Record<string, string | number> }[];
  ignoredColumns: string[];
  importable: boolean;
}

const rosterInput = z
  .object({
    hearingId: id,
    format: z.enum(['csv', 'xlsx']),
    /** The file's bytes, base64: the renderer reads the file the clerk picked; the core never opens a path it was sent. */
    contentBase64: z
      .string()
      .max(8 * 1024 * 1024, 'validation.fileTooLarge')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'validation.invalidFormat'),
  })
  .strict();

export const participantMethods = {
  'participant.list': query(
    z.object({ hearingId: id }).strict(),
    returns<ParticipantList>(),
    'The people of a hearing in role order, masked, with the rule checks.',
  ),
  'participant.get': query(z.object({ participantId: id }).strict(), returns<ParticipantDetail>(), 'One participant unmasked, for the edit form.'),
  'participant.add': mutation(participantInput, returns<ParticipantDetail>(), 'Adds a person to a hearing in one of its template roles.'),
  'participant.update': mutation(participantUpdateInput, returns<ParticipantDetail>(), 'Replaces the details of a participant.'),
  'participant.remove': mutation(
    z.object({ participantId: id }).strict(),
    returns<{ removed: true }>(),
    'Removes a participant who has no check-in or recusal on record.',
  ),
  'participant.previewRoster': query(rosterInput, returns<RosterPreview>(), 'Parses a roster file and judges each row, storing nothing.'),
  'participant.importRoster': mutation(rosterInput, returns<{ added: number }>(), 'Adds every row of a roster file, or none if any row is wrong.'),
} as const;

export const participantEvents = {
  'participants.changed': z.object({ hearingId: id }),
} as const;
