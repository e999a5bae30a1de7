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

export const documentMethods = {
  'documents.record': query(
    z.object({ hearingId: id, language: z.enum(languages, 'validation.invalidOption').default('zh-CN') }).strict(),
    returns<GeneratedDocument>(),
    'The 听证笔录 as a .docx in the official layout, from the minutes as they stand.',
  ),
} as const;
