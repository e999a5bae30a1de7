import { z } from 'zod';
import { query, returns } from './define.js';
import { id } from './fields.js';
import { languages } from './languages.js';

/** A generated document, carried as base64 so both shells move it the same way. */
export interface GeneratedDocument {
  fileName: string;
  mediaType: string;
  base64: string;
  /** SHA-256 of the bytes: the same data always gives the same file, and so the same hash. */
  sha256: string;
}

/**
 * The documents a hearing produces (domain.md §8), in the order an official
 * files them. The 评议笔录 is the panel's: it never goes to the parties.
 */
export const documentKinds = ['notice', 'signInSheet', 'record', 'catalogue', 'deliberationRecord', 'report'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const documentMethods = {
  'documents.generate': query(
    z
      .object({
        hearingId: id,
        kind: z.enum(documentKinds, 'validation.invalidOption'),
        language: z.enum(languages, 'validation.invalidOption').default('zh-CN'),
      })
      .strict(),
    returns<GeneratedDocument>(),
    'One of the hearing’s documents as a .docx in the official layout, from the data as it stands.',
  ),
} as const;
