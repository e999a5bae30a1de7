import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/log.js';
import type { EvidenceSide, Exhibit, LocalizedText, RoleKind } from '../contract/index.js';
import type { Db } from '../db/index.js';
import {
  deleteExhibit,
  deleteExhibitFile,
  findExhibit,
  findPresentation,
  insertExhibit,
  insertExhibitFile,
  listExaminations,
  listExhibitFiles,
  listExhibits,
  listFindings,
  updateExhibit,
  upsertExamination,
  upsertFinding,
  writePresentation,
  type ExhibitRecord,
} from '../db/evidence.js';
import { listParticipants } from '../db/participants.js';
import { findProcedure } from '../db/procedure.js';
import { AppError } from '../errors.js';
import { requireParticipant } from '../participants/service.js';
import { recordHearingEvent } from '../record/events.js';
import type { CallContext, Handlers } from '../router.js';
import { requireEditableHearing, requireHearing, requireTemplate, type ServiceDeps } from '../services.js';
import type { HearingTemplate } from '../templates/schema.js';
import { examinationSentence, exhibitLabel } from './sentence.js';

type EvidenceHandlers = Pick<
  Handlers,
  | 'evidence.list'
  | 'evidence.add'
  | 'evidence.update'
  | 'evidence.remove'
  | 'evidence.move'
  | 'evidence.attachFile'
  | 'evidence.detachFile'
  | 'evidence.examine'
  | 'evidence.find'
  | 'evidence.present'
  | 'evidence.stopPresenting'
>;

/** What the core needs to know of a stored file; the shell's file store answers. */
export interface EvidenceFiles {
  describe(sha256: string, originalName: string): Promise<{ size: number; mediaType: string } | null>;
}

const sideOfSubmitter: Partial<Record<RoleKind, EvidenceSide>> = {
  party: 'petitioner',
  representative: 'petitioner',
  agent: 'petitioner',
  agency: 'agency',
  thirdParty: 'third',
};
const roleNamingSide: Record<EvidenceSide, RoleKind> = { petitioner: 'party', agency: 'agency', third: 'thirdParty' };

/** 信访人 / 办理机关 / 第三人 in this template's own words, for labels and sentences. */
export function sideName(template: HearingTemplate, side: EvidenceSide): LocalizedText {
  return template.roles.find((role) => role.kind === roleNamingSide[side])?.name ?? { 'zh-CN': side, en: side };
}

/** The register as people read it: numbered per side, with files, opinions (as sentences) and findings. */
export function presentExhibits(db: Db, template: HearingTemplate, hearingId: string): Exhibit[] {
  const records = listExhibits(db, hearingId);
  const people = new Map(listParticipants(db, hearingId).map((person) => [person.id, person]));
  const files = listExhibitFiles(db, hearingId);
  const examinations = listExaminations(db, hearingId);
  const findings = listFindings(db, hearingId);
  return records.map((record) => {
    const label = exhibitLabel(sideName(template, record.side), record.position);
    return {
      ...record,
      submitterName: people.get(record.submitterId)?.name ?? '',
      number: record.position,
      label,
      files: files.filter((file) => file.exhibitId === record.id).map(({ exhibitId: _exhibitId, ...file }) => file),
      examinations: examinations
        .filter((examination) => examination.exhibitId === record.id)
        .map(({ exhibitId: _exhibitId, ...examination }) => {
          const words = { ...examination, examiner: sideName(template, examination.examinerSide), exhibitLabel: label };
          return { ...examination, sentence: { 'zh-CN': examinationSentence(words, 'zh-CN'), en: examinationSentence(words, 'en') } };
        }),
      finding: findings.find((finding) => finding.exhibitId === record.id) ?? null,
    };
  });
}

export function evidenceHandlers(deps: ServiceDeps, files: EvidenceFiles): EvidenceHandlers {
  const { db, clock, bus, templates } = deps;

  const started = (hearingId: string) => (findProcedure(db, hearingId)?.state ?? 'notStarted') !== 'notStarted';

  function requireExhibit(exhibitId: string): ExhibitRecord {
    const exhibit = findExhibit(db, exhibitId);
    if (!exhibit) throw new AppError('evidence/notFound', { exhibitId });
    return exhibit;
  }

  function register(hearingId: string): Exhibit[] {
    const hearing = requireHearing(db, hearingId);
    return presentExhibits(db, requireTemplate(templates, hearing.templateId), hearingId);
  }

  function one(hearingId: string, exhibitId: string): Exhibit {
    return register(hearingId).find((exhibit) => exhibit.id === exhibitId) as Exhibit;
  }

  /** Stores a change with its audit link (and, when given, the minutes' event) in one transaction, then tells every window. */
  function commit(
    hearingId: string,
    ctx: CallContext,
    action: string,
    write: () => void,
    after?: unknown,
    event?: Parameters<typeof recordHearingEvent>[3],
  ): void {
    db.transaction(() => {
      write();
      if (event) recordHearingEvent(db, clock, hearingId, event);
      recordAudit(db, clock, ctx, { action, hearingId, after });
    })();
    bus.emit('evidence.changed', { hearingId });
  }

  /** Numbers 1…n within a side, in the given order. */
  function renumber(ordered: ExhibitRecord[], now: string): void {
    ordered.forEach((exhibit, index) => updateExhibit(db, { ...exhibit, position: index + 1 }, now));
  }

  return {
    'evidence.list': ({ hearingId }) => register(hearingId),
    'evidence.add': ({ hearingId, submitterId, ...fields }, ctx) => {
      const hearing = requireEditableHearing(db, hearingId);
      const submitter = requireParticipant(db, submitterId);
      const side = sideOfSubmitter[submitter.role];
      if (submitter.hearingId !== hearingId || !side) throw new AppError('evidence/submitterNotParty', { name: submitter.name });
      const late = started(hearingId);
      const record: ExhibitRecord = {
        id: randomUUID(),
        hearingId,
        submitterId,
        side,
        position: listExhibits(db, hearingId).filter((exhibit) => exhibit.side === side).length + 1,
        ...fields,
        late,
      };
      const label = exhibitLabel(sideName(requireTemplate(templates, hearing.templateId), side), record.position);
      commit(
        hearingId,
        ctx,
        'evidence.add',
        () => insertExhibit(db, record, clock.now().toISOString()),
        record,
        late
          ? { kind: 'evidence.submittedLate', exhibitId: record.id, label: label['zh-CN'], labelEn: label.en, name: record.name, submitter: submitter.name }
          : undefined,
      );
      return one(hearingId, record.id);
    },
    'evidence.update': ({ exhibitId, ...fields }, ctx) => {
      const before = requireExhibit(exhibitId);
      requireEditableHearing(db, before.hearingId);
      const after = { ...before, ...fields };
      commit(before.hearingId, ctx, 'evidence.update', () => updateExhibit(db, after, clock.now().toISOString()), after);
      return one(before.hearingId, exhibitId);
    },
    'evidence.remove': ({ exhibitId }, ctx) => {
      const exhibit = requireExhibit(exhibitId);
      requireEditableHearing(db, exhibit.hearingId);
      if (started(exhibit.hearingId)) throw new AppError('evidence/frozen', {});
      const now = clock.now().toISOString();
      commit(exhibit.hearingId, ctx, 'evidence.remove', () => {
        deleteExhibit(db, exhibitId);
        renumber(
          listExhibits(db, exhibit.hearingId).filter((other) => other.side === exhibit.side),
          now,
        );
      });
      return { removed: true as const };
    },
    'evidence.move': ({ exhibitId, position }, ctx) => {
      const moving = requireExhibit(exhibitId);
      requireEditableHearing(db, moving.hearingId);
      if (started(moving.hearingId)) throw new AppError('evidence/frozen', {});
      const others = listExhibits(db, moving.hearingId).filter((exhibit) => exhibit.side === moving.side && exhibit.id !== exhibitId);
      const target = Math.min(position, others.length + 1);
      const ordered = [...others.slice(0, target - 1), moving, ...others.slice(target - 1)];
      commit(
        moving.hearingId,
        ctx,
        'evidence.move',
        () => renumber(ordered, clock.now().toISOString()),
        ordered.map((exhibit) => exhibit.id),
      );
      return register(moving.hearingId);
    },
    'evidence.attachFile': async ({ exhibitId, sha256, originalName }, ctx) => {
      const exhibit = requireExhibit(exhibitId);
      requireEditableHearing(db, exhibit.hearingId);
      const stored = await files.describe(sha256, originalName);
      if (!stored) throw new AppError('evidence/fileNotStored', { sha256 });
      const file = { sha256, originalName, size: stored.size, mediaType: stored.mediaType, addedAt: clock.now().toISOString() };
      commit(exhibit.hearingId, ctx, 'evidence.attachFile', () => insertExhibitFile(db, exhibitId, file), file);
      return one(exhibit.hearingId, exhibitId);
    },
    'evidence.detachFile': ({ exhibitId, sha256 }, ctx) => {
      const exhibit = requireExhibit(exhibitId);
      requireEditableHearing(db, exhibit.hearingId);
      commit(exhibit.hearingId, ctx, 'evidence.detachFile', () => deleteExhibitFile(db, exhibitId, sha256), { sha256 });
      return one(exhibit.hearingId, exhibitId);
    },
    'evidence.examine': ({ exhibitId, examinerId, ...opinion }, ctx) => {
      const exhibit = requireExhibit(exhibitId);
      requireEditableHearing(db, exhibit.hearingId);
      const examiner = requireParticipant(db, examinerId);
      const examinerSide = sideOfSubmitter[examiner.role];
      if (examiner.hearingId !== exhibit.hearingId || !examinerSide || examinerSide === exhibit.side) {
        throw new AppError('evidence/notOpposing', { name: examiner.name });
      }
      const record = { exhibitId, examinerSide, examinerId, ...opinion };
      const hearing = requireHearing(db, exhibit.hearingId);
      const template = requireTemplate(templates, hearing.templateId);
      const words = { ...record, examiner: sideName(template, examinerSide), exhibitLabel: exhibitLabel(sideName(template, exhibit.side), exhibit.position) };
      commit(exhibit.hearingId, ctx, 'evidence.examine', () => upsertExamination(db, record, clock.now().toISOString()), record, {
        kind: 'evidence.examined',
        exhibitId,
        sentence: examinationSentence(words, 'zh-CN'),
        sentenceEn: examinationSentence(words, 'en'),
      });
      return one(exhibit.hearingId, exhibitId);
    },
    'evidence.find': ({ exhibitId, finding, reasons }, ctx) => {
      const exhibit = requireExhibit(exhibitId);
      requireEditableHearing(db, exhibit.hearingId);
      const record = { exhibitId, finding, reasons, decidedAt: clock.now().toISOString() };
      commit(exhibit.hearingId, ctx, 'evidence.find', () => upsertFinding(db, record), record);
      return one(exhibit.hearingId, exhibitId);
    },
    'evidence.present': ({ exhibitId, sha256 }, ctx) => {
      const exhibit = requireExhibit(exhibitId);
      const hearing = requireEditableHearing(db, exhibit.hearingId);
      if (!hearing.isPublic || exhibit.sensitive) throw new AppError('evidence/notShowable', { reason: hearing.isPublic ? 'sensitive' : 'nonPublic' });
      const attached = listExhibitFiles(db, hearing.id).filter((file) => file.exhibitId === exhibitId);
      if (sha256 && !attached.some((file) => file.sha256 === sha256)) throw new AppError('evidence/fileNotStored', { sha256 });
      const shown = presentExhibits(db, requireTemplate(templates, hearing.templateId), hearing.id).find((candidate) => candidate.id === exhibitId) as Exhibit;
      commit(
        hearing.id,
        ctx,
        'evidence.present',
        () => writePresentation(db, { hearingId: hearing.id, exhibitId, sha256: sha256 ?? attached[0]?.sha256 ?? null, startedAt: clock.now().toISOString() }),
        { exhibitId, sha256 },
        { kind: 'evidence.presented', exhibitId, label: shown.label['zh-CN'], labelEn: shown.label.en, name: exhibit.name },
      );
      bus.emit('procedure.changed', { hearingId: hearing.id });
      return { presenting: true as const };
    },
    'evidence.stopPresenting': ({ hearingId }, ctx) => {
      requireEditableHearing(db, hearingId);
      if (findPresentation(db, hearingId)) {
        commit(hearingId, ctx, 'evidence.stopPresenting', () => writePresentation(db, { hearingId, clear: true }));
        bus.emit('procedure.changed', { hearingId });
      }
      return { presenting: false as const };
    },
  };
}
