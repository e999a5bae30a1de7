import { z } from 'zod';
import { addendumMutation, mutation, query, returns } from './define.js';
import { id, requiredText } from './fields.js';

/**
 * What stands between a hearing and its finalized record (issue 8): each item
 * names what is missing, as an i18n key under `completeness` with its params,
 * so the clerk sees a list to work through rather than a refusal.
 */
export const missingKinds = [
  'notClosed',
  'headerField',
  'stepOpen',
  'exhibitUnexamined',
  'exhibitNoFinding',
  'deliberationMissing',
  'voteMissing',
  'correctionPending',
  'signerPending',
  'signatureStale',
] as const;
export type MissingKind = (typeof missingKinds)[number];

export interface MissingItem {
  kind: MissingKind;
  params: Record<string, string | number>;
}

export interface Completeness {
  complete: boolean;
  missing: MissingItem[];
}

export interface Finalization {
  hearingId: string;
  finalizedAt: string;
  finalizedBy: string;
  /** SHA-256 of manifest.json: the case package's identity, printed on the record and referenced by any addendum. */
  manifestSha256: string;
  /** The installation key that signed the manifest, as people compare it: 16 groups of hex. */
  keyFingerprint: string;
  /** The case package's file name, served at /packages/<hearingId>. */
  packageName: string;
  packageBytes: number;
  addenda: Addendum[];
}

export interface Addendum {
  id: string;
  number: number;
  createdAt: string;
  text: string;
  reason: string;
  manifestSha256: string;
  /** Served at /packages/<hearingId>/addenda/<number>. */
  packageName: string;
}

/** What `verify` says about a case package, in the shells and on the command line alike. */
export type PackageVerdict =
  | { valid: true; fingerprint: string; signedAt: string; hearingTitle: string; files: number; manifestSha256: string }
  | { valid: false; reason: PackageProblem; file: string | null; detail: string };

/**
 * unreadable: not a file or not a zip at all; damaged: the zip's structure or
 * an entry's checksum; missing/extra: the entries differ from the manifest's
 * list; mismatch: an entry's SHA-256 differs; manifest: unparseable;
 * signature: the seal does not verify.
 */
export const packageProblems = ['unreadable', 'damaged', 'missing', 'extra', 'mismatch', 'manifest', 'signature'] as const;
export type PackageProblem = (typeof packageProblems)[number];

export const finalizeMethods = {
  'record.completeness': query(z.object({ hearingId: id }).strict(), returns<Completeness>(), 'What is still missing before the record can be finalized.'),
  'record.finalization': query(z.object({ hearingId: id }).strict(), returns<Finalization | null>(), 'The finalized record’s package and seal, if any.'),
  'record.finalize': mutation(
    z.object({ hearingId: id }).strict(),
    returns<Finalization>(),
    'Locks the hearing, generates every document and builds the signed case package.',
  ),
  'record.amend': addendumMutation(
    z.object({ hearingId: id, text: requiredText(5000), reason: requiredText(500) }).strict(),
    returns<Addendum>(),
    'A 补正 after finalizing: a new signed addendum referencing the original package; the original stays untouched.',
  ),
  'installation.key': query(z.object({}).strict(), returns<{ fingerprint: string }>(), 'This installation’s signing key, as printed on finalized records.'),
} as const;

export const finalizeEvents = {
  'record.finalized': z.object({ hearingId: id }),
};
