import { z } from 'zod';
import { mutation, officeMutation, query, returns } from './define.js';
import { id, optionalText, requiredText } from './fields.js';
import { formatDate } from './format.js';
import type { Language, LocalizedText } from './languages.js';
import { stepTypes, type Side, type StepType } from './procedure.js';
import { roleKinds, type RoleKind } from './roles.js';

/**
 * 发言 speech, 问/答 in questioning, 程序事项 a procedural event written in by
 * the other areas, and the clerk's 备注 note.
 */
export const minuteKinds = ['speech', 'question', 'answer', 'event', 'note'] as const;
export type MinuteKind = (typeof minuteKinds)[number];

/** The kinds a clerk types; events only arrive from the procedure. */
export const typedMinuteKinds = ['speech', 'question', 'answer', 'note'] as const;

export interface MinuteEntry {
  /** Also the entry's place in the record: entries are numbered in the order they were committed. */
  id: number;
  hearingId: string;
  stepId: string | null;
  kind: MinuteKind;
  speakerId: string | null;
  /** The record's speaker tag, fixed when the entry was written: 主持人, 信访人王建平, 办理机关（县住建局 李明）. */
  speakerLabel: string;
  /** When the words began: the first keystroke, or the moment of the event. */
  startedAt: string;
  text: string;
  /** Said in the room but not part of the record (e.g. an aside the chair ruled off the record). */
  offRecord: boolean;
  /** For an event entry, what happened (e.g. `step.started`). */
  eventKind: string | null;
  /** Starts at 1; every correction adds one, and a stale edit is refused by comparing it. */
  version: number;
  editedAt: string | null;
  /** Increases with every write in the hearing, so a window fetches only what changed since it last looked. */
  revision: number;
  deleted: boolean;
}

export interface MinuteRevision {
  version: number;
  action: 'created' | 'edited' | 'deleted' | 'corrected';
  kind: MinuteKind;
  speakerLabel: string;
  text: string;
  offRecord: boolean;
  changedAt: string;
  changedBy: string;
  /** Why: the correction request it carried out, when there was one. */
  note: string;
}

/** What the clerk was typing when the window closed, restored on the next start. */
export interface MinuteDraft {
  clientId: string;
  kind: MinuteKind;
  speakerId: string | null;
  text: string;
  startedAt: string | null;
  savedAt: string;
}

/** Someone the clerk can attribute words to, in the order of the speaker bar (Alt+1…9). */
export interface MinuteSpeaker {
  participantId: string;
  role: RoleKind;
  side: Side;
  name: string;
  label: string;
  /** Pinyin initials and full pinyin without tones, lowercase, for the quick search: wjp, wangjianping. */
  initials: string;
  pinyin: string;
}

/** A word the name autocomplete offers: people's names and organizations. */
export interface MinuteName {
  text: string;
  initials: string;
  pinyin: string;
}

export interface MinutePhrase {
  id: string;
  source: 'template' | 'office';
  stepType: StepType | null;
  role: RoleKind | null;
  /** With placeholders such as {{chair}}, {{petitioner}}, {{time}}, {{exhibit}}; see `fillPhrase`. */
  text: LocalizedText;
}

/** The hearing's words a phrase's placeholders are filled with. */
export interface PhraseContext {
  chair: string;
  clerk: string;
  panel: string;
  petitioner: string;
  agency: string;
  third: string;
  /** The last exhibit presented, as its label and name (信访人证据3《现场照片》), or empty. */
  exhibit: string;
  place: string;
}

export interface MinutesView {
  entries: MinuteEntry[];
  /** The highest revision included; pass it back as `sinceRevision` to receive only later changes. */
  revision: number;
  /** Present on a full load only. */
  draft: MinuteDraft | null;
  /** How many entries older than the first one returned were left out by `tail`: fetch them with `beforeEntryId`. */
  earlierEntries: number;
  speakers: MinuteSpeaker[];
  names: MinuteName[];
  phrases: MinutePhrase[];
  phraseContext: PhraseContext;
  locked: boolean;
}

export const correctionStatuses = ['pending', 'accepted', 'refused'] as const;
export type CorrectionStatus = (typeof correctionStatuses)[number];

/** A party's 补正 request raised during read-back, against a passage of one entry. */
export interface MinuteCorrection {
  id: string;
  hearingId: string;
  entryId: number;
  requestedBy: string;
  requesterName: string;
  passage: string;
  start: number;
  proposedText: string;
  reason: string;
  status: CorrectionStatus;
  decidedAt: string | null;
  decisionReason: string;
  createdAt: string;
}

export interface SearchHit {
  entryId: number;
  hearingId: string;
  hearingTitle: string;
  caseNumber: string;
  speakerLabel: string;
  startedAt: string;
  text: string;
  /** [start, end) of each match in `text`, in UTF-16 code units, for highlighting. */
  ranges: Array<[number, number]>;
}

export interface SearchResult {
  hits: SearchHit[];
  /** True when more entries matched than were returned. */
  more: boolean;
  /** `index` for the trigram index, `scan` for 1–2 character queries, which the index cannot answer. */
  method: 'index' | 'scan';
}

const hearingRef = { hearingId: id };
const entryText = z.string().max(20000, 'validation.tooLong');
const instant = z.iso.datetime({ offset: true, message: 'validation.dateTime' });
const speakerId = id.nullable().default(null);

export const minutesMethods = {
  'minutes.list': query(
    z
      .object({
        ...hearingRef,
        sinceRevision: z.number().int().min(0).optional(),
        tail: z.number().int().min(1).max(1000).optional(),
        beforeEntryId: z.number().int().positive().optional(),
      })
      .strict(),
    returns<MinutesView>(),
    'The minutes of a hearing, or only the entries changed after a revision; `tail` keeps the newest entries only (a screen opens on them and fetches the rest), `beforeEntryId` only those before an entry; with the speakers, names and phrases the editor offers.',
  ),
  'minutes.append': mutation(
    z
      .object({
        ...hearingRef,
        clientId: id,
        kind: z.enum(typedMinuteKinds, 'validation.invalidOption'),
        speakerId,
        text: requiredText(20000),
        startedAt: instant,
        offRecord: z.boolean().default(false),
      })
      .strict(),
    returns<MinuteEntry>(),
    'Commits an entry, on disk before the answer; repeating a clientId returns the entry already written.',
  ),
  'minutes.edit': mutation(
    z
      .object({
        entryId: z.number().int().positive(),
        expectedVersion: z.number().int().positive(),
        kind: z.enum(minuteKinds, 'validation.invalidOption'),
        speakerId,
        text: requiredText(20000),
        offRecord: z.boolean(),
      })
      .strict(),
    returns<MinuteEntry>(),
    'Corrects an entry until the record is signed; the old text stays in its history.',
  ),
  'minutes.remove': mutation(
    z.object({ entryId: z.number().int().positive(), expectedVersion: z.number().int().positive() }).strict(),
    returns<MinuteEntry>(),
    'Deletes an entry until the record is signed; it stays in the history.',
  ),
  'minutes.history': query(
    z.object({ entryId: z.number().int().positive() }).strict(),
    returns<MinuteRevision[]>(),
    'Every version of an entry, oldest first.',
  ),
  'minutes.saveDraft': mutation(
    z
      .object({
        ...hearingRef,
        clientId: id,
        kind: z.enum(typedMinuteKinds, 'validation.invalidOption'),
        speakerId,
        text: entryText,
        startedAt: instant.nullable().default(null),
      })
      .strict(),
    returns<{ savedAt: string }>(),
    'Keeps the entry being typed, so a crash loses at most the last second; empty text clears it.',
  ),
  'minutes.search': query(
    z
      .object({
        query: requiredText(100),
        hearingId: id.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    returns<SearchResult>(),
    'Full-text search of the minutes, within one hearing or across all, newest first.',
  ),
  'minutes.exportText': query(
    z.object(hearingRef).strict(),
    returns<{ fileName: string; text: string }>(),
    'The minutes as plain UTF-8 text, for a paper backup.',
  ),
  'minutes.corrections': query(z.object(hearingRef).strict(), returns<MinuteCorrection[]>(), 'The correction requests raised during read-back.'),
  'minutes.requestCorrection': mutation(
    z
      .object({
        entryId: z.number().int().positive(),
        requestedBy: id,
        start: z.number().int().min(0),
        passage: requiredText(2000),
        proposedText: optionalText(2000).default(''),
        reason: optionalText(500).default(''),
      })
      .strict(),
    returns<MinuteCorrection>(),
    'Marks a disputed passage of an entry during read-back, with the wording the party asks for.',
  ),
  'minutes.decideCorrection': mutation(
    z
      .object({
        correctionId: id,
        decision: z.enum(['accepted', 'refused'], 'validation.invalidOption'),
        reason: optionalText(500).default(''),
      })
      .strict()
      .refine((input) => input.decision === 'accepted' || input.reason.length > 0, { path: ['reason'], message: 'validation.required' }),
    returns<MinuteCorrection>(),
    'Accepts a correction (the passage is replaced) or refuses it (the refusal is written into the record).',
  ),
  'minutes.addPhrase': officeMutation(
    z
      .object({
        text: requiredText(500),
        stepType: z.enum(stepTypes, 'validation.invalidOption').nullable().default(null),
        role: z.enum(roleKinds, 'validation.invalidOption').nullable().default(null),
      })
      .strict(),
    returns<MinutePhrase>(),
    'Adds one of the office’s own phrases to the palette.',
  ),
  'minutes.removePhrase': officeMutation(z.object({ phraseId: id }).strict(), returns<{ removed: true }>(), 'Removes one of the office’s phrases.'),
} as const;

export const minutesEvents = {
  'minutes.changed': z.object({ hearingId: id, revision: z.number().int() }),
} as const;

/** The names a phrase may use in {{…}}, written like the template scripts' placeholders. */
export const phrasePlaceholders = ['chair', 'clerk', 'panel', 'petitioner', 'agency', 'third', 'exhibit', 'place', 'time', 'date'] as const;
const placeholderPattern = new RegExp(`\\{\\{(${phrasePlaceholders.join('|')})\\}\\}`, 'g');

/**
 * Fills a phrase's placeholders; {time} and {date} are the moment of
 * insertion, as officials write them (9时30分, 2026年3月7日). Unknown names are left as typed.
 */
export function fillPhrase(text: string, context: PhraseContext, now: Date, language: Language): string {
  const minute = String(now.getMinutes()).padStart(2, '0');
  const time = language === 'zh-CN' ? `${now.getHours()}时${minute}分` : `${String(now.getHours()).padStart(2, '0')}:${minute}`;
  const date = formatDate(`${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}T00:00`, language);
  const values: Record<string, string> = { ...context, time, date };
  return text.replace(placeholderPattern, (_match, key: string) => values[key] ?? '');
}
