import { AppError } from '../errors.js';

/** The longest original name kept, in UTF-8 bytes: what common file systems allow for one name. */
export const maxOriginalNameBytes = 255;

export type BadNameReason = 'empty' | 'dotName' | 'tooLong' | 'separator' | 'control' | 'bidi' | 'encoding';

/** C0 controls, DEL, C1 controls, and the line and paragraph separators: nothing a printed name may contain. */
const controlCharacter = /[\p{Cc}\u2028\u2029]/u;
/** Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make "exe.pdf" read as "fdp.exe". */
const bidiControl = /[\u202A-\u202E\u2066-\u2069]/u;
/** A lone surrogate cannot be written as UTF-8 and would print as "�". */
const loneSurrogate = /\p{Cs}/u;
const everyForbidden = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069\p{Cs}/\\]/gu;

/** What is wrong with a file name kept as metadata, or null when it may be stored, shown and printed. */
export function badNameReason(name: string): BadNameReason | null {
  if (name.trim() === '') return 'empty';
  if (name === '.' || name === '..') return 'dotName';
  if (name.includes('/') || name.includes('\\')) return 'separator';
  if (controlCharacter.test(name)) return 'control';
  if (bidiControl.test(name)) return 'bidi';
  if (loneSurrogate.test(name)) return 'encoding';
  if (Buffer.byteLength(name, 'utf8') > maxOriginalNameBytes) return 'tooLong';
  return null;
}

/**
 * The original name of an imported file is metadata only (the store names
 * files by their SHA-256), but it is shown on screen and printed in the
 * record, so it is refused rather than repaired when it could mislead.
 * Throws `file/badName` with the name made printable and the reason.
 */
export function validateOriginalName(name: string): void {
  const reason = badNameReason(name);
  if (reason !== null) throw new AppError('file/badName', { name: printableName(name), reason });
}

/** The name with every forbidden character replaced by "�" and cut to 80 characters, fit for an error message. */
export function printableName(name: string): string {
  const characters = [...name.replace(everyForbidden, '\uFFFD')];
  return characters.length > 80 ? `${characters.slice(0, 79).join('')}…` : characters.join('');
}
