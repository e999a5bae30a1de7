import { z } from 'zod';
import { mutation, query, returns } from './define.js';
import { id, localDate, optionalText, requiredText } from './fields.js';
import type { LocalizedText } from './languages.js';

/** 证据形式 (domain.md §4). */
export const exhibitForms = ['documentary', 'physical', 'audiovisual', 'electronic', 'testimony', 'expertOpinion', 'inspection'] as const;
export type ExhibitForm = (typeof exhibitForms)[number];

/** The sides that submit evidence and examine each other's. */
export const evidenceSides = ['petitioner', 'agency', 'third'] as const;
export type EvidenceSide = (typeof evidenceSides)[number];

/** 无异议 / 有异议 / 部分异议 on 真实性, 合法性, 关联性. */
export const opinions = ['none', 'objection', 'partial'] as const;
export type Opinion = (typeof opinions)[number];

/**
 * How a hearing numbers its exhibits (domain.md §4): `flat` counts through a
 * side (信访人证据1, 信访人证据2), `grouped` counts within numbered groups of a
 * side (信访人证据1-1, 1-2, 2-1).
 */
export const exhibitNumberings = ['flat', 'grouped'] as const;
export type ExhibitNumbering = (typeof exhibitNumberings)[number];

/** The most groups a side may have: more than any 证据目录 seen in practice, few enough to type. */
export const maxExhibitGroup = 99;

export interface NumberingState {
  style: ExhibitNumbering;
  /** Once the hearing has started, numbers are fixed and the style cannot change. */
  frozen: boolean;
}

/** 采信 / 不采信 / 部分采信. */
export const findings = ['admitted', 'rejected', 'partial'] as const;

export interface ExhibitFile {
  sha256: string;
  originalName: string;
  size: number;
  mediaType: string;
  addedAt: string;
}

/** One side's opinion on 真实性, 合法性, 关联性 and the 证明目的. */
export interface Opinions {
  authenticity: Opinion;
  authenticityNote: string;
  legality: Opinion;
  legalityNote: string;
  relevance: Opinion;
  relevanceNote: string;
  purposeOpinion: string;
}

export interface Examination extends Opinions {
  examinerSide: EvidenceSide;
  examinerId: string | null;
  /** The opinion as the record states it, e.g. 办理机关对信访人证据3的真实性、合法性无异议，对关联性有异议，认为…… */
  sentence: LocalizedText;
}

export interface Exhibit {
  id: string;
  hearingId: string;
  submitterId: string;
  submitterName: string;
  side: EvidenceSide;
  /** The group within the side; kept in flat numbering too, where it does not show, so switching back restores the groups. */
  group: number;
  /** The place within the side (flat) or within the group (grouped), from 1. */
  number: number;
  /** The 序号 as printed: 3 (flat) or 1-2 (grouped). */
  serial: string;
  /** 信访人证据1, 办理机关证据2, 信访人证据1-2 …: numbered per side in the template's words. */
  label: LocalizedText;
  name: string;
  source: string;
  purpose: string;
  form: ExhibitForm;
  pages: number | null;
  copies: number | null;
  isOriginal: boolean;
  submittedOn: string | null;
  receivedBy: string;
  notes: string;
  late: boolean;
  sensitive: boolean;
  files: ExhibitFile[];
  examinations: Examination[];
  finding: { finding: (typeof findings)[number]; reasons: string; decidedAt: string } | null;
}

const exhibitFields = {
  name: requiredText(200),
  source: optionalText(200).default(''),
  purpose: optionalText(1000).default(''),
  form: z.enum(exhibitForms),
  pages: z.number().int().min(1).max(100000).nullable().default(null),
  copies: z.number().int().min(1).max(1000).nullable().default(null),
  isOriginal: z.boolean().default(false),
  submittedOn: localDate.nullable().default(null),
  receivedBy: optionalText(50).default(''),
  notes: optionalText(500).default(''),
  sensitive: z.boolean().default(false),
};

const group = z
  .number('validation.exhibitGroup')
  .int('validation.exhibitGroup')
  .min(1, 'validation.exhibitGroup')
  .max(maxExhibitGroup, 'validation.exhibitGroup');

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'validation.invalidFormat');

/**
 * A file's original name is kept for people only; it may not carry path
 * separators or control characters, so it can never be used as a path or
 * fool a reader.
 */
export const originalFileName = z
  .string()
  .min(1, 'validation.required')
  .max(255, 'validation.tooLong')
  .refine((name) => name !== '.' && name !== '..' && !/[/\\\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(name), 'validation.fileName');

export const evidenceMethods = {
  'evidence.list': query(z.object({ hearingId: id }).strict(), returns<Exhibit[]>(), 'The exhibit register of a hearing, by side and number.'),
  'evidence.add': mutation(
    z.object({ hearingId: id, submitterId: id, group: group.optional(), ...exhibitFields }).strict(),
    returns<Exhibit>(),
    'Registers an exhibit at the end of its group (without one: the side’s last group); during the hearing it is marked late.',
  ),
  'evidence.update': mutation(
    z.object({ exhibitId: id, group: group.optional(), ...exhibitFields }).strict(),
    returns<Exhibit>(),
    'Corrects an exhibit’s details; a new group (before the hearing starts) puts it at the end of that group.',
  ),
  'evidence.remove': mutation(z.object({ exhibitId: id }).strict(), returns<{ removed: true }>(), 'Removes an exhibit before the hearing starts.'),
  'evidence.move': mutation(
    z.object({ exhibitId: id, position: z.number().int().min(1).max(10000), group: group.optional() }).strict(),
    returns<Exhibit[]>(),
    'Renumbers a side’s exhibits before the hearing starts: the position is within the side (flat) or within the group (grouped); numbers are frozen after.',
  ),
  'evidence.numbering': query(
    z.object({ hearingId: id }).strict(),
    returns<NumberingState>(),
    'How the hearing numbers its exhibits, and whether that can still change.',
  ),
  'evidence.setNumbering': mutation(
    z.object({ hearingId: id, style: z.enum(exhibitNumberings, 'validation.invalidOption') }).strict(),
    returns<NumberingState>(),
    'Chooses flat or grouped numbering before the hearing starts; every side is renumbered in the new style.',
  ),
  'evidence.attachFile': mutation(
    z.object({ exhibitId: id, sha256, originalName: originalFileName }).strict(),
    returns<Exhibit>(),
    'Attaches a file already in the store (uploaded through the shell) to an exhibit.',
  ),
  'evidence.detachFile': mutation(z.object({ exhibitId: id, sha256 }).strict(), returns<Exhibit>(), 'Detaches a file from an exhibit; the stored file stays.'),
  'evidence.examine': mutation(
    z
      .object({
        exhibitId: id,
        examinerId: id,
        authenticity: z.enum(opinions),
        authenticityNote: optionalText(1000).default(''),
        legality: z.enum(opinions),
        legalityNote: optionalText(1000).default(''),
        relevance: z.enum(opinions),
        relevanceNote: optionalText(1000).default(''),
        purposeOpinion: optionalText(1000).default(''),
      })
      .strict(),
    returns<Exhibit>(),
    'Records an opposing side’s 质证 opinion on an exhibit (one per side, replaced when given again).',
  ),
  'evidence.find': mutation(
    z.object({ exhibitId: id, finding: z.enum(findings), reasons: requiredText(2000) }).strict(),
    returns<Exhibit>(),
    'Records the panel’s finding on an exhibit.',
  ),
  'evidence.present': mutation(
    z.object({ exhibitId: id, sha256: sha256.nullable().default(null) }).strict(),
    returns<{ presenting: true }>(),
    'Shows an exhibit on the public display (public hearings, exhibits not marked sensitive).',
  ),
  'evidence.stopPresenting': mutation(z.object({ hearingId: id }).strict(), returns<{ presenting: false }>(), 'Clears the exhibit from the public display.'),
} as const;

export const evidenceEvents = {
  'evidence.changed': z.object({ hearingId: id }),
} as const;
