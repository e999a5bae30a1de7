import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/log.js';
import type { ProcedureAction, ProcedureState, ProcedureView, ValidationIssue } from '../contract/index.js';
import { findDeliberation } from '../db/deliberation.js';
import type { Db } from '../db/index.js';
import { updateHearing } from '../db/hearings.js';
import { listParticipants } from '../db/participants.js';
import {
  findProcedure,
  insertStep,
  listQueue,
  listSpeeches,
  listSteps,
  updateSpeech,
  updateStep,
  writeProcedure,
  type ProcedureRecord,
  type SpeechRecord,
  type StepRecord,
} from '../db/procedure.js';
import { findPresentation } from '../db/evidence.js';
import { listRequests } from '../db/requests.js';
import { presentExhibits } from '../evidence/service.js';
import type { HearingTemplate } from '../templates/schema.js';
import { AppError } from '../errors.js';
import { checkParticipantRules, effectiveRules } from '../hearings/rules.js';
import { recordHearingEvent, type HearingEventData } from '../record/events.js';
import type { CallContext, Handlers } from '../router.js';
import { requireEditableHearing, requireHearing, requireTemplate, type ServiceDeps } from '../services.js';
import { createAgenda, reordered } from './agenda.js';
import { runningMs } from './clock.js';
import { gatedStepTypes, isAllowed, stateForStep } from './machine.js';
import { speakerHandlers } from './speakers.js';
import { displayView, notStarted, procedureView, type ProcedureFacts } from './view.js';

type ProcedureHandlers = Pick<
  Handlers,
  | 'procedure.view'
  | 'display.view'
  | 'procedure.start'
  | 'procedure.next'
  | 'procedure.adjourn'
  | 'procedure.suspend'
  | 'procedure.postpone'
  | 'procedure.resume'
  | 'procedure.close'
  | 'agenda.skip'
  | 'agenda.move'
  | 'agenda.add'
>;

/** Everything a procedure decision reads, loaded at once so each call judges one consistent picture. */
export interface Loaded extends ProcedureFacts {
  ctx: CallContext;
}

export interface ProcedureKit {
  load(hearingId: string, ctx: CallContext, editable?: boolean): Loaded;
  /** Writes the changes, the audit link and the minutes' event in one transaction, then tells every window. */
  commit(loaded: Loaded, action: string, write: () => void, events?: HearingEventData[]): ProcedureView;
}

export function procedureKit(deps: ServiceDeps): ProcedureKit {
  const { db, clock, bus, templates } = deps;
  function load(hearingId: string, ctx: CallContext, editable = true): Loaded {
    const hearing = editable ? requireEditableHearing(db, hearingId) : requireHearing(db, hearingId);
    const template = requireTemplate(templates, hearing.templateId);
    const rules = effectiveRules(template, hearing.ruleOverrides);
    return {
      ctx,
      hearing,
      procedure: findProcedure(db, hearingId) ?? notStarted(hearingId),
      steps: listSteps(db, hearingId),
      queue: listQueue(db, hearingId),
      speeches: listSpeeches(db, hearingId),
      participants: listParticipants(db, hearingId),
      requests: listRequests(db, hearingId),
      roles: rules.roles,
      speakingMinutes: rules.speakingMinutes,
      presented: presentedExhibit(db, template, hearingId),
      announcement: announced(db, hearingId),
      now: clock.now(),
    };
  }

  function commit(loaded: Loaded, action: string, write: () => void, events: HearingEventData[] = []): ProcedureView {
    const { hearing } = loaded;
    db.transaction(() => {
      write();
      for (const event of events) recordHearingEvent(deps, hearing.id, event);
      recordAudit(db, clock, loaded.ctx, { action, hearingId: hearing.id, after: findProcedure(db, hearing.id) ?? null });
    })();
    bus.emit('procedure.changed', { hearingId: hearing.id });
    return procedureView(load(hearing.id, loaded.ctx, false));
  }

  return { load, commit };
}

function startStep(step: StepRecord, now: string): StepRecord {
  return { ...step, status: 'active', startedAt: step.startedAt ?? now, runningSince: now };
}

function pauseStep(step: StepRecord, now: Date): StepRecord {
  return { ...step, activeMs: runningMs(step.activeMs, step.runningSince, now), runningSince: null };
}

function pauseSpeech(speech: SpeechRecord, now: Date): SpeechRecord {
  return { ...speech, elapsedMs: runningMs(speech.elapsedMs, speech.runningSince, now), runningSince: null };
}

/** Why the sitting may not open yet (domain.md §3: attendance reported, discipline read, the panel lawfully composed). */
function openingBlockers(loaded: Loaded): ValidationIssue[] {
  const failures: ValidationIssue[] = [];
  const warnings = checkParticipantRules(loaded.roles, loaded.participants);
  if (warnings.length > 0) failures.push({ path: 'participants', key: 'preconditions.rules', params: { count: warnings.length } });
  for (const kind of ['chair', 'clerk'] as const) {
    const present = loaded.participants.some(
      (participant) =>
        participant.role === kind && !participant.recused && ['present', 'late'].includes(participant.attendance.status) && !participant.attendance.leftAt,
    );
    if (!present) failures.push({ path: kind, key: `preconditions.${kind}Absent`, params: {} });
  }
  const discipline = loaded.steps.find((step) => step.type === 'discipline');
  const read = discipline?.status === 'done' || (discipline?.status === 'active' && discipline.id === loaded.procedure.currentStepId);
  if (discipline && !read) failures.push({ path: 'discipline', key: 'preconditions.disciplineNotRead', params: {} });
  return failures;
}

function chairBlockers(loaded: Loaded): ValidationIssue[] {
  return openingBlockers(loaded).filter((failure) => failure.path === 'chair');
}

export function procedureHandlers(deps: ServiceDeps): ProcedureHandlers & ReturnType<typeof speakerHandlers> {
  const { db, templates } = deps;
  const kit = procedureKit(deps);

  function refuseUnless(action: ProcedureAction, state: ProcedureState): void {
    if (!isAllowed(action, state)) throw new AppError('procedure/illegalTransition', { action, state });
  }

  const writeState = (loaded: Loaded, changes: Partial<ProcedureRecord>) => writeProcedureState(db, loaded, changes);

  /** Moves from the current step (if any) into `target`, pausing what ran and checking the opening's preconditions. */
  function enter(loaded: Loaded, target: StepRecord, action: string, extraEvents: HearingEventData[] = []): ProcedureView {
    if (gatedStepTypes.has(target.type)) {
      const failures = openingBlockers(loaded);
      if (failures.length > 0) throw new AppError('procedure/preconditionsFailed', { issues: failures });
    }
    const nowIso = loaded.now.toISOString();
    const current = loaded.steps.find((step) => step.id === loaded.procedure.currentStepId);
    const speech = loaded.speeches.find((candidate) => candidate.endedAt === null);
    const state = stateForStep(target.type);
    return kit.commit(
      loaded,
      action,
      () => {
        if (current && current.status === 'active') updateStep(db, { ...pauseStep(current, loaded.now), status: 'done', endedAt: nowIso });
        if (speech) updateSpeech(db, { ...pauseSpeech(speech, loaded.now), endedAt: nowIso });
        updateStep(db, startStep(target, nowIso));
        writeState(loaded, { state, currentStepId: target.id, reason: '' });
      },
      [
        ...extraEvents,
        ...(speech ? [floorEnded(loaded, speech)] : []),
        { kind: 'step.started', stepId: target.id, name: target.nameZh, nameEn: target.nameEn, type: target.type, deliberation: state === 'deliberating' },
      ],
    );
  }

  function floorEnded(loaded: Loaded, speech: SpeechRecord): HearingEventData {
    const speaker = loaded.participants.find((participant) => participant.id === speech.participantId);
    return {
      kind: 'floor.ended',
      participantId: speech.participantId,
      name: speaker?.name ?? '',
      spokenMs: runningMs(speech.elapsedMs, speech.runningSince, loaded.now),
    };
  }

  function halt(loaded: Loaded, state: ProcedureState, reason: string, action: string, event: HearingEventData): ProcedureView {
    return kit.commit(loaded, action, () => stopClocks(db, loaded, state, reason), [event]);
  }

  const nextPending = (loaded: Loaded) => loaded.steps.find((step) => step.status === 'pending');

  return {
    'procedure.view': ({ hearingId }, ctx) => procedureView(kit.load(hearingId, ctx, false)),
    'display.view': ({ hearingId }, ctx) => {
      const loaded = kit.load(hearingId, ctx, false);
      const template = requireTemplate(templates, loaded.hearing.templateId);
      return displayView(loaded, (kind) => template.roles.find((role) => role.kind === kind)?.name ?? { 'zh-CN': kind, en: kind });
    },
    'procedure.start': ({ hearingId }, ctx) => {
      let loaded = kit.load(hearingId, ctx);
      refuseUnless('start', loaded.procedure.state);
      if (loaded.steps.length === 0) {
        db.transaction(() => createAgenda(db, loaded.hearing, requireTemplate(templates, loaded.hearing.templateId)))();
        loaded = kit.load(hearingId, ctx);
      }
      const first = nextPending(loaded);
      if (!first) throw new AppError('procedure/noNextStep', {});
      return enter(loaded, first, 'procedure.start', [{ kind: 'procedure.started' }]);
    },
    'procedure.next': ({ hearingId }, ctx) => {
      const loaded = kit.load(hearingId, ctx);
      refuseUnless('next', loaded.procedure.state);
      const target = nextPending(loaded);
      if (!target) throw new AppError('procedure/noNextStep', {});
      return enter(loaded, target, 'procedure.next');
    },
    'procedure.adjourn': ({ hearingId, reason }, ctx) => {
      const loaded = kit.load(hearingId, ctx);
      refuseUnless('adjourn', loaded.procedure.state);
      return halt(loaded, 'adjourned', reason, 'procedure.adjourn', { kind: 'procedure.adjourned', reason });
    },
    'procedure.suspend': ({ hearingId, reason }, ctx) => {
      const loaded = kit.load(hearingId, ctx);
      refuseUnless('suspend', loaded.procedure.state);
      return halt(loaded, 'suspended', reason, 'procedure.suspend', { kind: 'procedure.suspended', reason });
    },
    'procedure.postpone': ({ hearingId, reason }, ctx) => {
      const loaded = kit.load(hearingId, ctx);
      refuseUnless('postpone', loaded.procedure.state);
      return halt(loaded, 'postponed', reason, 'procedure.postpone', { kind: 'procedure.postponed', reason });
    },
    'procedure.resume': ({ hearingId }, ctx) => {
      const loaded = kit.load(hearingId, ctx);
      refuseUnless('resume', loaded.procedure.state);
      if (loaded.procedure.state === 'suspended') {
        const failures = chairBlockers(loaded);
        if (failures.length > 0) throw new AppError('procedure/preconditionsFailed', { issues: failures });
      }
      const current = loaded.steps.find((step) => step.id === loaded.procedure.currentStepId);
      if (!current || current.status !== 'active') {
        const target = nextPending(loaded);
        if (!target) throw new AppError('procedure/noNextStep', {});
        return enter(loaded, target, 'procedure.resume', [{ kind: 'procedure.resumed' }]);
      }
      const nowIso = loaded.now.toISOString();
      return kit.commit(
        loaded,
        'procedure.resume',
        () => {
          updateStep(db, { ...current, runningSince: nowIso });
          writeState(loaded, { state: stateForStep(current.type), reason: '' });
        },
        [{ kind: 'procedure.resumed' }],
      );
    },
    'procedure.close': ({ hearingId }, ctx) => {
      const loaded = kit.load(hearingId, ctx);
      refuseUnless('close', loaded.procedure.state);
      const remaining = loaded.steps.filter((step) => step.status === 'pending');
      if (remaining.length > 0) throw new AppError('procedure/stepsRemaining', { count: remaining.length });
      const current = loaded.steps.find((step) => step.id === loaded.procedure.currentStepId);
      const speech = loaded.speeches.find((candidate) => candidate.endedAt === null);
      const nowIso = loaded.now.toISOString();
      return kit.commit(
        loaded,
        'procedure.close',
        () => {
          if (current && current.status === 'active') updateStep(db, { ...pauseStep(current, loaded.now), status: 'done', endedAt: nowIso });
          if (speech) updateSpeech(db, { ...pauseSpeech(speech, loaded.now), endedAt: nowIso });
          writeState(loaded, { state: 'closed', currentStepId: null, reason: '' });
        },
        [...(speech ? [floorEnded(loaded, speech)] : []), { kind: 'procedure.closed' }],
      );
    },
    'agenda.skip': ({ hearingId, stepId, reason }, ctx) => {
      const loaded = kit.load(hearingId, ctx);
      const step = pendingStep(loaded, stepId);
      return kit.commit(loaded, 'agenda.skip', () => updateStep(db, { ...step, status: 'skipped', skipReason: reason }), [
        { kind: 'step.skipped', stepId, name: step.nameZh, nameEn: step.nameEn, reason },
      ]);
    },
    'agenda.move': ({ hearingId, stepId, position }, ctx) => {
      const loaded = kit.load(hearingId, ctx);
      const step = pendingStep(loaded, stepId);
      const ordered = reordered(loaded.steps, step, position);
      assertNotBeforePassed(ordered, step.id);
      return kit.commit(loaded, 'agenda.move', () => {
        for (const each of ordered) updateStep(db, each);
      });
    },
    'agenda.add': ({ hearingId, name, plannedMinutes, script, position }, ctx) => {
      const loaded = kit.load(hearingId, ctx);
      if (loaded.procedure.state === 'closed') throw new AppError('procedure/illegalTransition', { action: 'agenda.add', state: 'closed' });
      const added: StepRecord = {
        id: randomUUID(),
        hearingId,
        position: loaded.steps.length + 1,
        templateStepId: null,
        type: 'other',
        nameZh: name,
        nameEn: name,
        plannedMinutes,
        scriptZh: script,
        scriptEn: script,
        speakerSides: [],
        status: 'pending',
        skipReason: '',
        startedAt: null,
        endedAt: null,
        activeMs: 0,
        runningSince: null,
      };
      const ordered = reordered([...loaded.steps, added], added, position);
      assertNotBeforePassed(ordered, added.id);
      return kit.commit(
        loaded,
        'agenda.add',
        () => {
          insertStep(db, { ...added, position: loaded.steps.length + 1 });
          for (const each of ordered) updateStep(db, each);
        },
        [{ kind: 'step.added', stepId: added.id, name }],
      );
    },
    ...speakerHandlers(deps, kit),
  };
}

function writeProcedureState(db: Db, loaded: ProcedureFacts, changes: Partial<ProcedureRecord>): void {
  const next = { ...loaded.procedure, ...changes, since: loaded.now.toISOString() };
  writeProcedure(db, next);
  const status = next.state === 'notStarted' ? 'preparing' : next.state === 'closed' ? 'closed' : 'inProgress';
  if (loaded.hearing.status !== status) updateHearing(db, { ...loaded.hearing, status, updatedAt: loaded.now.toISOString() });
}

/** Stops every clock for a break, a suspension or a postponement; the caller's transaction holds it together. */
export function stopClocks(db: Db, loaded: ProcedureFacts, state: ProcedureState, reason: string): void {
  const current = loaded.steps.find((step) => step.id === loaded.procedure.currentStepId);
  const speech = loaded.speeches.find((candidate) => candidate.endedAt === null);
  if (current?.runningSince) updateStep(db, pauseStep(current, loaded.now));
  if (speech?.runningSince) updateSpeech(db, pauseSpeech(speech, loaded.now));
  writeProcedureState(db, loaded, { state, reason });
}

function announced(db: Db, hearingId: string): ProcedureFacts['announcement'] {
  const record = findDeliberation(db, hearingId);
  return record?.announcementManner ? { manner: record.announcementManner, text: record.announcementText } : null;
}

function presentedExhibit(db: Db, template: HearingTemplate, hearingId: string): ProcedureFacts['presented'] {
  const presentation = findPresentation(db, hearingId);
  if (!presentation) return null;
  const exhibit = presentExhibits(db, template, hearingId).find((candidate) => candidate.id === presentation.exhibitId);
  if (!exhibit) return null;
  const file = exhibit.files.find((candidate) => candidate.sha256 === presentation.sha256);
  return { label: exhibit.label, name: exhibit.name, sensitive: exhibit.sensitive, sha256: file?.sha256 ?? null, mediaType: file?.mediaType ?? null };
}

function pendingStep(loaded: Loaded, stepId: string): StepRecord {
  const step = loaded.steps.find((candidate) => candidate.id === stepId);
  if (!step) throw new AppError('agenda/stepNotFound', { stepId });
  if (step.status !== 'pending') throw new AppError('agenda/stepNotPending', { name: step.nameZh });
  return step;
}

/** A step may not be put before one that has already run: the record's order is the order things happened. */
function assertNotBeforePassed(ordered: readonly StepRecord[], stepId: string): void {
  const index = ordered.findIndex((step) => step.id === stepId);
  if (ordered.slice(index + 1).some((step) => step.status === 'done' || step.status === 'active')) {
    throw new AppError('agenda/positionPassed', { position: index + 1 });
  }
}
