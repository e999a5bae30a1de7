import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/log.js';
import {
  evidenceSides,
  type EvidenceSide,
  type Exhibit,
  type ExhibitNumbering,
  type LocalizedText,
  type NumberingState,
  type RoleKind,
} from '../contract/index.js';
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
  readNumbering,
  updateExhibit,
  upsertExamination,
  upsertFinding,
  writeNumbering,
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
import { arrange, numberSide, placeAt, readingOrder, type ExhibitNumber } from './numbering.js';
import { examinationSentence, exhibitLabel } from './sentence.js';

type EvidenceHandlers = Pick<
  Handlers,
  | 'evidence.list'
  | 'evidence.add'
  | 'evidence.update'
  | 'evidence.remove'
  | 'evidence.move'
  | 'evidence.numbering'
  | 'evidence.setNumbering'
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

/** The number and 序号 of every exhibit of a hearing, by id, in the hearing's numbering style. */
function numberRegister(records: readonly ExhibitRecord[], style: ExhibitNumbering): Map<string, ExhibitNumber> {
  const ofSide = (side: EvidenceSide) => records.filter((record) => record.side === side);
  return new Map(evidenceSides.flatMap((side) => [...numberSide(ofSide(side), style)]));
}

/** The register as people read it: numbered per side (or per group), with files, opinions (as sentences) and findings. */
export function presentExhibits(db: Db, template: HearingTemplate, hearingId: string): Exhibit[] {
  const records = listExhibits(db, hearingId);
  const numbers = numberRegister(records, readNumbering(db, hearingId));
  const people = new Map(listParticipants(db, hearingId).map((person) => [person.id, person]));
  const files = listExhibitFiles(db, hearingId);
  const examinations = listExaminations(db, hearingId);
  const findings = listFindings(db, hearingId);
  return records.map((record) => {
    const { number, serial } = numbers.get(record.id) as ExhibitNumber;
    const label = exhibitLabel(sideName(template, record.side), serial);
    return {
      ...record,
      submitterName: people.get(record.submitterId)?.name ?? '',
      number,
      serial,
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
    event?: Parameters<typeof recordHearingEvent>[2],
  ): void {
    db.transaction(() => {
      write();
      if (event) recordHearingEvent(deps, hearingId, event);
      recordAudit(db, clock, ctx, { action, hearingId, after });
    })();
    bus.emit('evidence.changed', { hearingId });
  }

  /** One side's exhibits as stored now, in the order the style reads them. */
  function sideInOrder(hearingId: string, side: EvidenceSide, style: ExhibitNumbering): ExhibitRecord[] {
    const records = listExhibits(db, hearingId).filter((exhibit) => exhibit.side === side);
    return readingOrder(records, style);
  }

  /** Stores a side's new arrangement (from `arrange` or `placeAt`): the new exhibit, and each one whose place or group is not what is stored. */
  function storeArrangement(hearingId: string, arranged: readonly ExhibitRecord[], now: string): void {
    const stored = new Map(listExhibits(db, hearingId).map((exhibit) => [exhibit.id, exhibit]));
    for (const exhibit of arranged) {
      const before = stored.get(exhibit.id);
      if (!before) insertExhibit(db, exhibit, now);
      else if (before.position !== exhibit.position || before.group !== exhibit.group) {
        updateExhibit(db, { ...before, position: exhibit.position, group: exhibit.group }, now);
      }
    }
  }

  /** The label of one exhibit as the register numbers it now. */
  function labelOf(template: HearingTemplate, exhibit: ExhibitRecord): LocalizedText {
    const side = listExhibits(db, exhibit.hearingId).filter((other) => other.side === exhibit.side);
    const { serial } = numberSide(side, readNumbering(db, exhibit.hearingId)).get(exhibit.id) as ExhibitNumber;
    return exhibitLabel(sideName(template, exhibit.side), serial);
  }

  function numberingState(hearingId: string): NumberingState {
    return { style: readNumbering(db, hearingId), frozen: started(hearingId) };
  }

  return {
    'evidence.list': ({ hearingId }) => register(hearingId),
    'evidence.add': ({ hearingId, submitterId, group, ...fields }, ctx) => {
      const hearing = requireEditableHearing(db, hearingId);
      const submitter = requireParticipant(db, submitterId);
      const side = sideOfSubmitter[submitter.role];
      if (submitter.hearingId !== hearingId || !side) throw new AppError('evidence/submitterNotParty', { name: submitter.name });
      const late = started(hearingId);
      const style = readNumbering(db, hearingId);
      const others = sideInOrder(hearingId, side, style);
      const id = randomUUID();
      // At the end of its group: numbers already given, even after the start, stay as they are.
      const arranged = placeAt(
        others,
        { id, hearingId, submitterId, side, group: group ?? Math.max(1, ...others.map((other) => other.group)), position: 0, ...fields, late },
        Infinity,
        style,
      );
      const record = arranged.find((exhibit) => exhibit.id === id) as ExhibitRecord;
      const { serial } = numberSide(arranged, style).get(id) as ExhibitNumber;
      const label = exhibitLabel(sideName(requireTemplate(templates, hearing.templateId), side), serial);
      commit(
        hearingId,
        ctx,
        'evidence.add',
        () => storeArrangement(hearingId, arranged, clock.now().toISOString()),
        record,
        late
          ? { kind: 'evidence.submittedLate', exhibitId: record.id, label: label['zh-CN'], labelEn: label.en, name: record.name, submitter: submitter.name }
          : undefined,
      );
      return one(hearingId, record.id);
    },
    'evidence.update': ({ exhibitId, group, ...fields }, ctx) => {
      const before = requireExhibit(exhibitId);
      requireEditableHearing(db, before.hearingId);
      const regrouped = group !== undefined && group !== before.group;
      if (regrouped && started(before.hearingId)) throw new AppError('evidence/frozen', {});
      const after = { ...before, ...fields, group: group ?? before.group };
      const style = readNumbering(db, before.hearingId);
      const now = clock.now().toISOString();
      commit(
        before.hearingId,
        ctx,
        'evidence.update',
        () => {
          updateExhibit(db, after, now);
          // In grouped numbering a new group means a new number: the end of that group. In flat numbering the group waits unseen.
          if (regrouped && style === 'grouped') {
            const others = sideInOrder(before.hearingId, before.side, style).filter((exhibit) => exhibit.id !== exhibitId);
            storeArrangement(before.hearingId, placeAt(others, after, Infinity, style), now);
          }
        },
        after,
      );
      return one(before.hearingId, exhibitId);
    },
    'evidence.remove': ({ exhibitId }, ctx) => {
      const exhibit = requireExhibit(exhibitId);
      requireEditableHearing(db, exhibit.hearingId);
      if (started(exhibit.hearingId)) throw new AppError('evidence/frozen', {});
      const now = clock.now().toISOString();
      commit(exhibit.hearingId, ctx, 'evidence.remove', () => {
        deleteExhibit(db, exhibitId);
        storeArrangement(exhibit.hearingId, arrange(sideInOrder(exhibit.hearingId, exhibit.side, readNumbering(db, exhibit.hearingId))), now);
      });
      return { removed: true as const };
    },
    'evidence.move': ({ exhibitId, position, group }, ctx) => {
      const moving = requireExhibit(exhibitId);
      requireEditableHearing(db, moving.hearingId);
      if (started(moving.hearingId)) throw new AppError('evidence/frozen', {});
      const style = readNumbering(db, moving.hearingId);
      const others = sideInOrder(moving.hearingId, moving.side, style).filter((exhibit) => exhibit.id !== exhibitId);
      const arranged = placeAt(others, { ...moving, group: group ?? moving.group }, position, style);
      commit(
        moving.hearingId,
        ctx,
        'evidence.move',
        () => storeArrangement(moving.hearingId, arranged, clock.now().toISOString()),
        arranged.map((exhibit) => ({ id: exhibit.id, group: exhibit.group })),
      );
      return register(moving.hearingId);
    },
    'evidence.numbering': ({ hearingId }) => {
      requireHearing(db, hearingId);
      return numberingState(hearingId);
    },
    'evidence.setNumbering': ({ hearingId, style }, ctx) => {
      requireEditableHearing(db, hearingId);
      if (style === readNumbering(db, hearingId)) return numberingState(hearingId);
      if (started(hearingId)) throw new AppError('evidence/numberingFrozen', {});
      const now = clock.now().toISOString();
      commit(
        hearingId,
        ctx,
        'evidence.setNumbering',
        () => {
          writeNumbering(db, hearingId, style);
          for (const side of evidenceSides) storeArrangement(hearingId, arrange(sideInOrder(hearingId, side, style)), now);
        },
        { style },
      );
      return numberingState(hearingId);
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
      const words = { ...record, examiner: sideName(template, examinerSide), exhibitLabel: labelOf(template, exhibit) };
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
