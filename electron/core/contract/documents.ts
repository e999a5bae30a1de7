import { z } from 'zod';
import { query, returns } from './define.js';
import { id } from './fields.js';
import { languages, type Language } from './languages.js';

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

/**
 * The renderer's print page: one document laid out as A4 sheets, for the
 * shells' PDF renderers (a hidden Electron window, headless Chromium) to load
 * and print. It sets `readyAttribute` on <html> to `ready` once the sheets,
 * fonts and images are in, or to `failed` (the page then shows why).
 */
export const printPage = {
  /** `grant`: the token a PDF renderer's page signs in with, good for the document alone (see `sessionFromAddress`). */
  hash: (hearingId: string, kind: DocumentKind, language: Language, grant?: string) => {
    const query = new URLSearchParams();
    if (language !== 'zh-CN') query.set('language', language);
    if (grant) query.set('grant', grant);
    return `#/print/${hearingId}/${kind}${query.size > 0 ? `?${query.toString()}` : ''}`;
  },
  readyAttribute: 'data-print-ready',
} as const;

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
