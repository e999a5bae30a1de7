import { z } from 'zod';

export const manifestName = 'manifest.json';
export const signatureName = 'manifest.sig';
export const manifestFormat = 'hearing-desk/case-package';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * manifest.json: who sealed the package, what hearing it is, and the SHA-256
 * of every other file. The seal (manifest.sig, Ed25519, base64) covers these
 * bytes exactly, so the manifest is written once and never re-serialized.
 */
export const manifestSchema = z
  .object({
    format: z.literal(manifestFormat),
    version: z.literal(1),
    kind: z.enum(['record', 'addendum']),
    hearing: z.object({ id: z.string(), title: z.string(), matterNo: z.string(), organizer: z.string() }).strict(),
    sealedAt: z.string(),
    key: z.object({ algorithm: z.literal('Ed25519'), publicKey: z.string(), fingerprint: z.string() }).strict(),
    /** An addendum names the package it amends, which stays untouched. */
    amends: z.object({ manifestSha256: sha256 }).strict().optional(),
    /** Which renderer made the PDFs beside the documents, or why there are none. */
    pdf: z.object({ renderer: z.string().nullable(), detail: z.string() }).strict().optional(),
    files: z.array(z.object({ path: z.string(), sha256, bytes: z.number().int().min(0) }).strict()),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;
