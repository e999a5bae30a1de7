import { z } from 'zod';
import { officeMutation, query, returns } from './define.js';
import { optionalText } from './fields.js';
import { languages, type Language } from './languages.js';

/** Evidence files up to 2 GB unless the office decides otherwise: enough for a hearing's video recording. */
export const defaultEvidenceMaxMegabytes = 2048;

/** From 1 MB (a scanned page) to 20 GB (a day of video), whole megabytes. */
export const evidenceMaxMegabytesRange = { min: 1, max: 20 * 1024 } as const;

/** The 证据目录 columns (domain.md §4) an official may leave out; 序号 and 证据名称 are always printed. */
export const catalogueColumns = ['source', 'purpose', 'pagesCopies', 'original', 'form', 'notes'] as const;
export type CatalogueColumn = (typeof catalogueColumns)[number];

export interface Settings {
  language: Language;
  /** The largest evidence file the store accepts, in MB (1024 × 1024 bytes). */
  evidenceMaxMegabytes: number;
  /** The optional 证据目录 columns shown and printed, in the catalogue's own order. */
  catalogueColumns: CatalogueColumn[];
  /** The office's name above the title of the 笔录 and the 评议笔录; empty: each hearing's organizing body. */
  officeName: string;
  /** Headings in bold, where an office's own template asks for it (GB/T 9704 does not). */
  boldHeadings: boolean;
  /** Where automatic backups go (a USB disk, a network share); empty: none are made. */
  backupFolder: string;
}

/** An absolute path on this computer (POSIX, a Windows drive or a UNC share), or empty for none. */
export const backupFolderPath = z
  .string()
  .trim()
  .max(1000, 'validation.absolutePath')
  .refine((path) => path === '' || /^(\/|[A-Za-z]:[\\/]|\\\\[^\\])/.test(path), 'validation.absolutePath');

export const evidenceMaxMegabytes = z
  .number('validation.evidenceLimit')
  .int('validation.evidenceLimit')
  .min(evidenceMaxMegabytesRange.min, 'validation.evidenceLimit')
  .max(evidenceMaxMegabytesRange.max, 'validation.evidenceLimit');

/** Known keys, each at most once; stored in the catalogue's order whatever order they were ticked in. */
export const catalogueColumnChoice = z
  .array(z.enum(catalogueColumns, 'validation.invalidOption'))
  .refine((chosen) => new Set(chosen).size === chosen.length, 'validation.duplicateOption')
  .transform((chosen) => catalogueColumns.filter((column) => chosen.includes(column)));

export const settingsMethods = {
  'settings.get': query(z.object({}).strict(), returns<Settings>(), 'The installation-wide settings.'),
  'settings.setLanguage': officeMutation(
    z.object({ language: z.enum(languages, 'validation.invalidOption') }).strict(),
    returns<Settings>(),
    'Remembers the language of the interface.',
  ),
  'settings.setEvidenceLimit': officeMutation(
    z.object({ megabytes: evidenceMaxMegabytes }).strict(),
    returns<Settings>(),
    'Sets the largest evidence file this installation accepts; every later upload is held to it.',
  ),
  'settings.setCatalogueColumns': officeMutation(
    z.object({ columns: catalogueColumnChoice }).strict(),
    returns<Settings>(),
    'Chooses the 证据目录 columns shown and printed besides 序号 and 证据名称.',
  ),
  'settings.setDocumentLayout': officeMutation(
    z.object({ officeName: optionalText(60), boldHeadings: z.boolean() }).strict(),
    returns<Settings>(),
    'The office’s name printed above document titles, and the bold-headings override.',
  ),
  'settings.setBackupFolder': officeMutation(
    z.object({ folder: backupFolderPath }).strict(),
    returns<Settings>(),
    'Chooses the folder for automatic backups (after each finalized record, and daily); empty turns them off.',
  ),
} as const;

export const settingsEvents = {
  'settings.changed': z.object({
    language: z.enum(languages),
    evidenceMaxMegabytes: z.number(),
    catalogueColumns: z.array(z.enum(catalogueColumns)),
    officeName: z.string(),
    boldHeadings: z.boolean(),
    backupFolder: z.string(),
  }),
} as const;
