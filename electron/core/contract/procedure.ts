import { z } from 'zod';
import { lanQuery, mutation, returns } from './define.js';
import { id, optionalText, requiredText } from './fields.js';
import type { LocalizedText } from './languages.js';
import type { RoleKind } from './roles.js';

/** The sides of the hearing room: seating, the speaker list and the record's speaker tags follow them. */
export const sides = ['presiding', 'panel', 'record', 'petitioner', 'agency', 'third', 'public'] as const;
export type Side = (typeof sides)[number];

export const stepTypes = [
  'checkIn',
  'discipline',
  'opening',
  'introductions',
  'rights',
  'recusal',
  'nonPublicNotice',
  'partyStatement',
  'agencyStatement',
  'evidence',
  'debate',
  'questions',
  'finalStatements',
  'deliberation',
  'resumption',
  'readBack',
  'closing',
  'other',
] as const;
export type StepType = (typeof stepTypes)[number];

/**
 * Where the hearing stands (domain.md §3). 休会 adjourned is a short break;
 * 中止 suspended waits for an obstacle to pass (e.g. a new chair after a
 * recusal); 延期 postponed moves the sitting to another day.
 */
export const procedureStates = ['notStarted', 'inProgress', 'adjourned', 'suspended', 'postponed', 'deliberating', 'closed'] as const;
export type ProcedureState = (typeof procedureStates)[number];

export const stepStatuses = ['pending', 'active', 'done', 'skipped'] as const;
export type StepStatus = (typeof stepStatuses)[number];

export interface AgendaStepView {
  id: string;
  position: number;
  type: StepType;
  name: LocalizedText;
  plannedMinutes: number;
  status: StepStatus;
  skipReason: string;
  startedAt: string | null;
  endedAt: string | null;
  /** Milliseconds the step ran, pauses excluded; for the active step, up to the moment of the answer. */
  actualMs: number;
  /** The presiding officer's words for this step, with the hearing's names, numbers and times filled in. */
  script: LocalizedText;
  speakerSides: Side[];
}

export interface QueuedSpeaker {
  id: string;
  participantId: string;
  name: string;
  role: RoleKind;
  side: Side;
}

/**
 * The clock of the person speaking, as anchors rather than a ticking number:
 * every screen computes the remaining time from the same stored instants, and
 * a restart changes nothing.
 */
export interface SpeechClock {
  speechId: string;
  participantId: string;
  name: string;
  role: RoleKind;
  side: Side;
  limitMs: number;
  warningMs: number;
  /** Time spoken before the clock last started. */
  elapsedMs: number;
  /** When the clock last started; null while paused. */
  runningSince: string | null;
}

export interface SpeakingTotals {
  byPerson: { participantId: string; name: string; side: Side; spokenMs: number; turns: number }[];
  bySide: { side: Side; spokenMs: number; budgetMs: number | null }[];
}

export interface ProcedureView {
  hearingId: string;
  state: ProcedureState;
  stateReason: string;
  stateSince: string | null;
  currentStepId: string | null;
  steps: AgendaStepView[];
  queue: QueuedSpeaker[];
  speech: SpeechClock | null;
  totals: SpeakingTotals;
  /** The host's clock when it answered, so a screen whose own clock is off can correct for it. */
  serverNow: string;
}

/** What the public display may show: nothing that is not meant for everyone in the room. */
export interface DisplayView {
  hearingId: string;
  isPublic: boolean;
  title: string;
  organizer: string;
  state: ProcedureState;
  step: { name: LocalizedText; position: number; count: number } | null;
  speaker: { name: string; roleName: LocalizedText } | null;
  clock: Omit<SpeechClock, 'speechId' | 'participantId' | 'name' | 'role'> | null;
  /** The exhibit being shown (出示), only for a public hearing and an exhibit not marked sensitive; its file is served at files/<sha256>. */
  exhibit: { label: LocalizedText; name: string; sha256: string | null; mediaType: string | null } | null;
  /** The panel's conclusion as the chair announced it, for a public hearing; nothing of the deliberation before that. */
  announcement: { manner: 'onSpot' | 'later'; text: string } | null;
  serverNow: string;
}

export const procedureActions = ['start', 'next', 'adjourn', 'suspend', 'postpone', 'resume', 'close'] as const;
export type ProcedureAction = (typeof procedureActions)[number];

const hearingRef = { hearingId: id };

export const procedureMethods = {
  'procedure.view': lanQuery(
    z.object(hearingRef).strict(),
    returns<ProcedureView>(),
    'The procedure as the clerk and the chair see it: steps, scripts, queue, clock, totals.',
  ),
  'display.view': lanQuery(z.object(hearingRef).strict(), returns<DisplayView>(), 'What the public display shows, stripped of anything not for the room.'),
  'procedure.start': mutation(z.object(hearingRef).strict(), returns<ProcedureView>(), 'Opens the hearing at its first pending step.'),
  'procedure.next': mutation(z.object(hearingRef).strict(), returns<ProcedureView>(), 'Ends the current step and starts the next pending one.'),
  'procedure.adjourn': mutation(
    z.object({ ...hearingRef, reason: optionalText(500).default('') }).strict(),
    returns<ProcedureView>(),
    '休会: a break; the clock stops.',
  ),
  'procedure.suspend': mutation(
    z.object({ ...hearingRef, reason: requiredText(500) }).strict(),
    returns<ProcedureView>(),
    '中止: stops until the obstacle is removed.',
  ),
  'procedure.postpone': mutation(
    z.object({ ...hearingRef, reason: requiredText(500) }).strict(),
    returns<ProcedureView>(),
    '延期: the sitting continues on another day.',
  ),
  'procedure.resume': mutation(z.object(hearingRef).strict(), returns<ProcedureView>(), 'Resumes after a break, a suspension or a postponement.'),
  'procedure.close': mutation(z.object(hearingRef).strict(), returns<ProcedureView>(), 'Ends the last step and closes the hearing.'),
  'agenda.skip': mutation(
    z.object({ ...hearingRef, stepId: id, reason: requiredText(500) }).strict(),
    returns<ProcedureView>(),
    'Skips a pending step, with the reason on record.',
  ),
  'agenda.move': mutation(
    z.object({ ...hearingRef, stepId: id, position: z.number().int().min(1).max(200) }).strict(),
    returns<ProcedureView>(),
    'Moves a pending step to a 1-based position among the steps.',
  ),
  'agenda.add': mutation(
    z
      .object({
        ...hearingRef,
        name: requiredText(100),
        plannedMinutes: z.number().int().min(1).max(600),
        script: optionalText(5000).default(''),
        position: z.number().int().min(1).max(200),
      })
      .strict(),
    returns<ProcedureView>(),
    'Adds a step of the presiding officer’s own at a position not yet passed.',
  ),
  'speakers.enqueue': mutation(z.object({ ...hearingRef, participantId: id }).strict(), returns<ProcedureView>(), 'Puts a person on the list of speakers.'),
  'speakers.dequeue': mutation(z.object({ ...hearingRef, queueId: id }).strict(), returns<ProcedureView>(), 'Takes a person off the list of speakers.'),
  'speakers.giveFloor': mutation(
    z.object({ ...hearingRef, participantId: id.optional(), limitSeconds: z.number().int().min(10).max(7200).optional() }).strict(),
    returns<ProcedureView>(),
    'Gives the floor to a person (the next in the queue when none is named), starting their clock.',
  ),
  'speakers.endSpeech': mutation(z.object(hearingRef).strict(), returns<ProcedureView>(), 'Ends the current speech.'),
  'speakers.pauseClock': mutation(z.object(hearingRef).strict(), returns<ProcedureView>(), 'Stops the speaker’s clock, keeping the floor.'),
  'speakers.resumeClock': mutation(z.object(hearingRef).strict(), returns<ProcedureView>(), 'Restarts the speaker’s clock.'),
  'speakers.setLimit': mutation(
    z.object({ ...hearingRef, limitSeconds: z.number().int().min(10).max(7200) }).strict(),
    returns<ProcedureView>(),
    'Changes the current speaker’s time limit on the spot.',
  ),
  'speakers.setBudgets': mutation(
    z
      .object({
        ...hearingRef,
        petitionerSeconds: z.number().int().min(0).max(36000).nullable(),
        agencySeconds: z.number().int().min(0).max(36000).nullable(),
      })
      .strict(),
    returns<ProcedureView>(),
    'Sets each side’s total speaking time (null: no budget).',
  ),
} as const;

export const procedureEvents = {
  'procedure.changed': z.object(hearingRef),
} as const;
