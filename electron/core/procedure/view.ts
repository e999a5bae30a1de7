import { maskName, type DisplayView, type Language, type ProcedureView, type RoleKind, type Side, type SpeakingTotals } from '../contract/index.js';
import type { HearingRecord } from '../db/hearings.js';
import type { ParticipantWithState } from '../db/participants.js';
import type { ProcedureRecord, QueueRecord, SpeechRecord, StepRecord } from '../db/procedure.js';
import type { HearingRequest, LocalizedText } from '../contract/index.js';
import type { RoleRule } from '../contract/index.js';
import { sideOfRole } from '../templates/schema.js';
import { runningMs, warningMsFor } from './clock.js';
import { fillScript, scriptContext, type ScriptFacts } from './script.js';

export interface ProcedureFacts {
  hearing: HearingRecord;
  procedure: ProcedureRecord;
  steps: StepRecord[];
  queue: QueueRecord[];
  speeches: SpeechRecord[];
  participants: ParticipantWithState[];
  requests: HearingRequest[];
  roles: RoleRule[];
  speakingMinutes: number;
  /** The exhibit on the display, if one is being shown. */
  presented: { label: LocalizedText; name: string; sensitive: boolean; sha256: string | null; mediaType: string | null } | null;
  /** The conclusion as the chair announced it, once announced. */
  announcement: { manner: 'onSpot' | 'later'; text: string } | null;
  now: Date;
}

export function notStarted(hearingId: string): ProcedureRecord {
  return { hearingId, state: 'notStarted', currentStepId: null, reason: '', since: null, petitionerBudgetMs: null, agencyBudgetMs: null };
}

function scriptFacts(facts: ProcedureFacts): ScriptFacts {
  const present = facts.participants.filter((participant) => !participant.recused);
  const names = (...kinds: RoleKind[]) => present.filter((participant) => kinds.includes(participant.role)).map((participant) => participant.name);
  const { hearing } = facts;
  return {
    organizer: hearing.organizer,
    matterNo: hearing.matterNo,
    title: hearing.title,
    venue: hearing.venue,
    plannedStart: hearing.plannedStart,
    agency: hearing.agency,
    stage: hearing.stage,
    speakingMinutes: facts.speakingMinutes,
    names: { chair: names('chair'), panel: names('panel'), clerk: names('clerk'), parties: names('party', 'representative'), agency: names('agency') },
    requests: facts.requests.map((request) => request.text),
  };
}

function totals(facts: ProcedureFacts): SpeakingTotals {
  const byPerson = new Map<string, SpeakingTotals['byPerson'][number]>();
  const bySide = new Map<Side, number>();
  for (const speech of facts.speeches) {
    const spokenMs = runningMs(speech.elapsedMs, speech.runningSince, facts.now);
    const person = facts.participants.find((participant) => participant.id === speech.participantId);
    const entry = byPerson.get(speech.participantId) ?? {
      participantId: speech.participantId,
      name: person?.name ?? '',
      side: speech.side,
      spokenMs: 0,
      turns: 0,
    };
    entry.spokenMs += spokenMs;
    entry.turns += 1;
    byPerson.set(speech.participantId, entry);
    bySide.set(speech.side, (bySide.get(speech.side) ?? 0) + spokenMs);
  }
  const budget = (side: Side) => (side === 'petitioner' ? facts.procedure.petitionerBudgetMs : side === 'agency' ? facts.procedure.agencyBudgetMs : null);
  const sides = new Set<Side>(['petitioner', 'agency', ...bySide.keys()]);
  return {
    byPerson: [...byPerson.values()],
    bySide: [...sides].map((side) => ({ side, spokenMs: bySide.get(side) ?? 0, budgetMs: budget(side) })),
  };
}

/** The clerk's and the chair's view: everything about where the hearing stands, nothing about who people are beyond their names. */
export function procedureView(facts: ProcedureFacts): ProcedureView {
  const factsForScript = scriptFacts(facts);
  const context = { 'zh-CN': scriptContext(factsForScript, 'zh-CN'), en: scriptContext(factsForScript, 'en') } as const;
  const person = (participantId: string) => facts.participants.find((participant) => participant.id === participantId);
  const speech = facts.speeches.find((candidate) => candidate.endedAt === null);
  const speaker = speech && person(speech.participantId);
  return {
    hearingId: facts.hearing.id,
    state: facts.procedure.state,
    stateReason: facts.procedure.reason,
    stateSince: facts.procedure.since,
    currentStepId: facts.procedure.currentStepId,
    steps: facts.steps.map((step) => ({
      id: step.id,
      position: step.position,
      type: step.type,
      name: { 'zh-CN': step.nameZh, en: step.nameEn },
      plannedMinutes: step.plannedMinutes,
      status: step.status,
      skipReason: step.skipReason,
      startedAt: step.startedAt,
      endedAt: step.endedAt,
      actualMs: runningMs(step.activeMs, step.runningSince, facts.now),
      script: { 'zh-CN': fillScript(step.scriptZh, context['zh-CN']), en: fillScript(step.scriptEn, context.en) },
      speakerSides: step.speakerSides,
    })),
    queue: facts.queue.flatMap((entry) => {
      const queued = person(entry.participantId);
      return queued ? [{ id: entry.id, participantId: queued.id, name: queued.name, role: queued.role, side: sideOfRole[queued.role] }] : [];
    }),
    speech:
      speech && speaker
        ? {
            speechId: speech.id,
            participantId: speaker.id,
            name: speaker.name,
            role: speaker.role,
            side: speech.side,
            limitMs: speech.limitMs,
            warningMs: warningMsFor(speech.limitMs),
            elapsedMs: speech.elapsedMs,
            runningSince: speech.runningSince,
          }
        : null,
    totals: totals(facts),
    serverNow: facts.now.toISOString(),
  };
}

/**
 * The public display, built field by field from what may be shown in the room.
 * A closed hearing shows neither its title nor full names.
 */
export function displayView(facts: ProcedureFacts, roleName: (kind: RoleKind) => Record<Language, string>): DisplayView {
  const { hearing, procedure } = facts;
  const countable = facts.steps.filter((step) => step.status !== 'skipped');
  const current = facts.steps.find((step) => step.id === procedure.currentStepId);
  const speech = facts.speeches.find((candidate) => candidate.endedAt === null);
  const speaker = speech && facts.participants.find((participant) => participant.id === speech.participantId);
  const showSpeaker = procedure.state !== 'deliberating' && speech && speaker;
  return {
    hearingId: hearing.id,
    isPublic: hearing.isPublic,
    title: hearing.isPublic ? hearing.title : '',
    organizer: hearing.organizer,
    state: procedure.state,
    step:
      current && procedure.state !== 'deliberating'
        ? {
            name: { 'zh-CN': current.nameZh, en: current.nameEn },
            position: countable.findIndex((step) => step.id === current.id) + 1,
            count: countable.length,
          }
        : null,
    speaker: showSpeaker ? { name: hearing.isPublic ? speaker.name : maskName(speaker.name), roleName: roleName(speaker.role) } : null,
    clock: showSpeaker
      ? { side: speech.side, limitMs: speech.limitMs, warningMs: warningMsFor(speech.limitMs), elapsedMs: speech.elapsedMs, runningSince: speech.runningSince }
      : null,
    exhibit:
      facts.presented && hearing.isPublic && !facts.presented.sensitive && procedure.state !== 'deliberating'
        ? { label: facts.presented.label, name: facts.presented.name, sha256: facts.presented.sha256, mediaType: facts.presented.mediaType }
        : null,
    // Until the chair announces, the room sees only 评议中: no vote, no tally, nothing of the panel's.
    announcement: hearing.isPublic && facts.announcement ? facts.announcement : null,
    serverNow: facts.now.toISOString(),
  };
}
