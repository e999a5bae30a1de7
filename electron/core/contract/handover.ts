import { z } from 'zod';
import { officeMutation, query, returns } from './define.js';
import { id } from './fields.js';

/** Where a hearing received from another laptop came from, and which seal vouched for it. */
export interface HearingOrigin {
  /** The organizing body named in the package's manifest. */
  office: string;
  /** The fingerprint of the installation key that sealed the package. */
  fingerprint: string;
  sealedAt: string;
  manifestSha256: string;
  importedAt: string;
  importedBy: string;
}

export interface ImportedHearing {
  hearingId: string;
  matterNo: string;
  title: string;
  origin: HearingOrigin;
}

export const handoverMethods = {
  'handover.import': officeMutation(
    z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'validation.invalidFormat') }).strict(),
    returns<ImportedHearing>(),
    'Receives a sealed case package uploaded into the file store (by its SHA-256): verified first, then every row, evidence file and the package itself, all or nothing; the hearing is read-only here.',
  ),
  'handover.list': query(z.object({}).strict(), returns<ImportedHearing[]>(), 'The hearings received from other laptops, with their origin, latest first.'),
} as const;

export const handoverEvents = {
  'handover.imported': z.object({ hearingId: id }),
} as const;
