import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/log.js';
import type { MinuteCorrection, MinuteEntry, MinuteKind, MinutesView } from '../contract/index.js';
import type { Db } from '../db/index.js';
import {
  decideCorrection,
  deleteDraft,
  deleteOfficePhrase,
  findCorrection,
  findDraft,
  findEntry,
  findEntryByClientId,
  insertCorrection,
  insertEntry,
  insertOfficePhrase,
  latestRevision,
  listCorrections,
  listEntries,
  listEntriesSince,
  listNewestEntries,
  listRevisions,
  markEntryDeleted,
  updateEntry,
  writeDraft,
  type EntryChange,
} from '../db/minutes.js';
import { findParticipant, listParticipants, type ParticipantRecord } from '../db/participants.js';
import { findProcedure, listSteps } from '../db/procedure.js';
import { AppError } from '../errors.js';
import type { CallContext, Handlers } from '../router.js';
import { requireEditableHearing, requireHearing, requireTemplate, type ServiceDeps } from '../services.js';
import type { HearingTemplate } from '../templates/schema.js';
import { exportFileName, minutesAsText } from './export-text.js';
import { minutePhrases, officePhrase, phraseContext } from './phrases.js';
import { searchMinutes } from './search.js';
import { minuteNames, minuteSpeakers, speakerLabel } from './speakers.js';

/** 信访人王建平要求将笔录中“……”更正为“……”，理由：……。经审核不予更正，理由：……。 */
export function refusedCorrectionSentence(requester: string, correction: MinuteCorrection, reason: string): string {
  const why = correction.reason ? `，理由：${correction.reason}` : '';
  return `${requester}要求将笔录中“${correction.passage}”更正为“${correction.proposedText}”${why}。经审核不予更正，理由：${reason}。`;
}

type MinutesHandlers = Pick<Handlers, Extract<keyof Handlers, `minutes.${string}`>>;

/** The agenda step the hearing stands at, which new entries belong to. */
export function currentStepId(db: Db, hearingId: string): string | null {
  return findProcedure(db, hearingId)?.currentStepId ?? null;
}

export function minutesHandlers(deps: ServiceDeps): MinutesHandlers {
  const { db, clock, bus, templates } = deps;

  function templateOf(templateId: string): HearingTemplate {
    return requireTemplate(templates, templateId);
  }

  function requireEntry(entryId: number): MinuteEntry {
    const entry = findEntry(db, entryId);
    if (!entry || entry.deleted) throw new AppError('minutes/entryNotFound', { entryId });
    return entry;
  }

  function requireCurrent(entry: MinuteEntry, expectedVersion: number): void {
    if (entry.version !== expectedVersion) throw new AppError('minutes/stale', { version: entry.version });
  }

  /** A speaker must sit in this hearing; the tag is taken from the roster as it stands now. */
  function speakerOf(hearingId: string, template: HearingTemplate, speakerId: string | null): { speakerId: string | null; speakerLabel: string } {
    if (speakerId === null) return { speakerId: null, speakerLabel: '' };
    const person = findParticipant(db, speakerId);
    if (!person || person.hearingId !== hearingId) throw new AppError('minutes/speakerNotInHearing', {});
    return { speakerId, speakerLabel: speakerLabel(person, template) };
  }

  /** Every entry, those changed after a revision, or the newest `tail` (before an entry): with how many older ones were left out. */
  function entriesFor(hearingId: string, sinceRevision?: number, tail?: number, beforeEntryId?: number): { entries: MinuteEntry[]; earlier: number } {
    if (sinceRevision === undefined && tail !== undefined) return listNewestEntries(db, hearingId, tail, beforeEntryId);
    const listed = sinceRevision === undefined ? listEntries(db, hearingId) : listEntriesSince(db, hearingId, sinceRevision);
    const before = beforeEntryId === undefined ? listed : listed.filter((entry) => entry.id < beforeEntryId);
    const earlier = tail === undefined ? 0 : Math.max(0, before.length - tail);
    return { entries: before.slice(earlier), earlier };
  }

  function changed(hearingId: string): void {
    bus.emit('minutes.changed', { hearingId, revision: latestRevision(db, hearingId) });
  }

  /** Only the procedure writes events, and a typed entry stays typed: the record must show which words were the clerk's. */
  function checkKind(before: MinuteKind, after: MinuteKind): void {
    if ((before === 'event') !== (after === 'event')) throw new AppError('minutes/kindNotAllowed', {});
  }

  function change(entry: MinuteEntry, next: EntryChange, ctx: CallContext, how: { action: 'edited' | 'corrected'; note: string }): MinuteEntry {
    return updateEntry(db, entry, next, { ...how, now: clock.now().toISOString(), actor: ctx.actor });
  }

  return {
    'minutes.list': ({ hearingId, sinceRevision, tail, beforeEntryId }) => {
      const hearing = requireHearing(db, hearingId);
      const template = templateOf(hearing.templateId);
      const people: ParticipantRecord[] = listParticipants(db, hearingId);
      const full = sinceRevision === undefined;
      const { entries, earlier: earlierEntries } = entriesFor(hearingId, sinceRevision, tail, beforeEntryId);
      const draft = full ? (findDraft(db, hearingId) ?? null) : null;
      const view: MinutesView = {
        entries,
        revision: latestRevision(db, hearingId),
        // A draft whose entry was committed just before a crash is already in the record.
        draft: draft && !findEntryByClientId(db, draft.clientId) ? draft : null,
        earlierEntries,
        speakers: minuteSpeakers(people, template),
        names: minuteNames(people),
        phrases: minutePhrases(db, template),
        phraseContext: phraseContext(db, hearing, people),
        locked: hearing.status === 'finalized',
      };
      return view;
    },
    'minutes.append': ({ hearingId, clientId, kind, speakerId, text, startedAt, offRecord }, ctx) => {
      const already = findEntryByClientId(db, clientId);
      if (already) {
        if (already.hearingId !== hearingId) throw new AppError('minutes/entryNotFound', { entryId: already.id });
        return already;
      }
      const hearing = requireEditableHearing(db, hearingId);
      const speaker = speakerOf(hearingId, templateOf(hearing.templateId), speakerId);
      const now = clock.now().toISOString();
      // Its own transaction, with synchronous=FULL: when this returns, the entry is on disk.
      const entry = db.transaction(() => {
        const written = insertEntry(
          db,
          { hearingId, clientId, stepId: currentStepId(db, hearingId), kind, ...speaker, startedAt, text, offRecord, eventSeq: null, eventKind: null },
          now,
          ctx.actor,
        );
        deleteDraft(db, hearingId, clientId);
        return written;
      })();
      changed(hearingId);
      return entry;
    },
    'minutes.edit': ({ entryId, expectedVersion, kind, speakerId, text, offRecord }, ctx) => {
      const before = requireEntry(entryId);
      const hearing = requireEditableHearing(db, before.hearingId);
      requireCurrent(before, expectedVersion);
      checkKind(before.kind, kind);
      const speaker = speakerOf(before.hearingId, templateOf(hearing.templateId), speakerId);
      const after = db.transaction(() => {
        const edited = change(before, { kind, ...speaker, text, offRecord }, ctx, { action: 'edited', note: '' });
        recordAudit(db, clock, ctx, { action: 'minutes.edit', hearingId: before.hearingId, before: { id: before.id, text: before.text }, after: { text } });
        return edited;
      })();
      changed(before.hearingId);
      return after;
    },
    'minutes.remove': ({ entryId, expectedVersion }, ctx) => {
      const before = requireEntry(entryId);
      requireEditableHearing(db, before.hearingId);
      requireCurrent(before, expectedVersion);
      const after = db.transaction(() => {
        const removed = markEntryDeleted(db, before, clock.now().toISOString(), ctx.actor);
        recordAudit(db, clock, ctx, { action: 'minutes.remove', hearingId: before.hearingId, before: { id: before.id, text: before.text } });
        return removed;
      })();
      changed(before.hearingId);
      return after;
    },
    'minutes.history': ({ entryId }) => {
      if (!findEntry(db, entryId)) throw new AppError('minutes/entryNotFound', { entryId });
      return listRevisions(db, entryId);
    },
    'minutes.saveDraft': ({ hearingId, clientId, kind, speakerId, text, startedAt }) => {
      requireEditableHearing(db, hearingId);
      const savedAt = clock.now().toISOString();
      if (text.trim() === '' || findEntryByClientId(db, clientId)) deleteDraft(db, hearingId);
      else writeDraft(db, hearingId, { clientId, kind, speakerId, text, startedAt, savedAt });
      return { savedAt };
    },
    'minutes.search': ({ query, hearingId, limit }) => {
      if (hearingId) requireHearing(db, hearingId);
      return searchMinutes(db, query, hearingId, limit);
    },
    'minutes.exportText': ({ hearingId }) => {
      const hearing = requireHearing(db, hearingId);
      const exportedAt = clock.now();
      const text = minutesAsText({
        hearing,
        template: templateOf(hearing.templateId),
        people: listParticipants(db, hearingId),
        steps: listSteps(db, hearingId),
        entries: listEntries(db, hearingId),
        exportedAt,
      });
      return { fileName: exportFileName(hearing, exportedAt), text };
    },
    'minutes.corrections': ({ hearingId }) => {
      requireHearing(db, hearingId);
      return listCorrections(db, hearingId);
    },
    'minutes.requestCorrection': ({ entryId, requestedBy, start, passage, proposedText, reason }, ctx) => {
      const entry = requireEntry(entryId);
      requireEditableHearing(db, entry.hearingId);
      if (!listParticipants(db, entry.hearingId).some((person) => person.id === requestedBy)) throw new AppError('minutes/speakerNotInHearing', {});
      if (entry.text.slice(start, start + passage.length) !== passage) throw new AppError('minutes/passageChanged', {});
      const id = randomUUID();
      db.transaction(() => {
        insertCorrection(db, {
          id,
          hearingId: entry.hearingId,
          entryId,
          requestedBy,
          start,
          passage,
          proposedText,
          reason,
          createdAt: clock.now().toISOString(),
        });
        recordAudit(db, clock, ctx, { action: 'minutes.requestCorrection', hearingId: entry.hearingId, after: { id, entryId, passage, proposedText } });
      })();
      changed(entry.hearingId);
      return findCorrection(db, id) as MinuteCorrection;
    },
    'minutes.decideCorrection': ({ correctionId, decision, reason }, ctx) => {
      const correction = findCorrection(db, correctionId);
      if (!correction) throw new AppError('minutes/correctionNotFound', { correctionId });
      if (correction.status !== 'pending') throw new AppError('minutes/correctionDecided', {});
      const hearing = requireEditableHearing(db, correction.hearingId);
      const entry = requireEntry(correction.entryId);
      const { start, passage, proposedText } = correction;
      if (entry.text.slice(start, start + passage.length) !== passage) throw new AppError('minutes/passageChanged', {});
      const now = clock.now().toISOString();
      db.transaction(() => {
        decideCorrection(db, correctionId, decision, reason, now, ctx.actor);
        const note = `补正：${correction.requesterName}要求将“${passage}”更正为“${proposedText}”`;
        if (decision === 'accepted') {
          const text = entry.text.slice(0, start) + proposedText + entry.text.slice(start + passage.length);
          // Striking out the whole entry is a correction too; the history keeps what it said.
          if (text.trim() === '') markEntryDeleted(db, entry, now, ctx.actor);
          else change(entry, { ...entry, text }, ctx, { action: 'corrected', note });
        } else {
          // A refused correction is itself part of the record (domain.md §5).
          const requester = listParticipants(db, entry.hearingId).find((person) => person.id === correction.requestedBy);
          const label = requester ? speakerLabel(requester, templateOf(hearing.templateId)) : correction.requesterName;
          insertEntry(
            db,
            {
              hearingId: entry.hearingId,
              clientId: null,
              stepId: currentStepId(db, entry.hearingId),
              kind: 'event',
              speakerId: null,
              speakerLabel: '',
              startedAt: now,
              text: refusedCorrectionSentence(label, correction, reason),
              offRecord: false,
              eventSeq: null,
              eventKind: 'minutes.correctionRefused',
            },
            now,
            ctx.actor,
          );
        }
        recordAudit(db, clock, ctx, { action: 'minutes.decideCorrection', hearingId: entry.hearingId, after: { correctionId, decision, reason } });
      })();
      changed(entry.hearingId);
      return findCorrection(db, correctionId) as MinuteCorrection;
    },
    'minutes.addPhrase': ({ text, stepType, role }, ctx) => {
      const record = { id: randomUUID(), stepType, role, text };
      db.transaction(() => {
        insertOfficePhrase(db, record, clock.now().toISOString());
        recordAudit(db, clock, ctx, { action: 'minutes.addPhrase', hearingId: null, after: record });
      })();
      return officePhrase(record);
    },
    'minutes.removePhrase': ({ phraseId }, ctx) => {
      db.transaction(() => {
        if (!deleteOfficePhrase(db, phraseId)) throw new AppError('minutes/phraseNotFound', { phraseId });
        recordAudit(db, clock, ctx, { action: 'minutes.removePhrase', hearingId: null, before: { id: phraseId } });
      })();
      return { removed: true as const };
    },
  };
}
