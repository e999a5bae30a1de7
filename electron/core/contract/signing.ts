import { z } from 'zod';
import { mutation, query, returns } from './define.js';
import { id, optionalText, requiredText } from './fields.js';
import type { LocalizedText } from './languages.js';

/**
 * The signing round (domain.md §5): the laptop passes from signer to signer,
 * parties first, then the panel, the presiding officer, the clerk. Each
 * signer ends with one outcome. 要求补正 is not an outcome of its own: it is
 * a correction request (minutes.requestCorrection) by that signer, which must
 * be decided before the round can finish.
 */
export const signingGroups = ['party', 'panel', 'chair', 'clerk'] as const;
export type SigningGroup = (typeof signingGroups)[number];

export const signingOutcomes = ['pending', 'signed', 'refused', 'absent'] as const;
export type SigningOutcome = (typeof signingOutcomes)[number];

export interface SignerView {
  participantId: string;
  name: string;
  /** 信访人, 委托代理人, 办理机关（…）, 听证员…: as the signature block names them. */
  roleLabel: LocalizedText;
  group: SigningGroup;
  outcome: SigningOutcome;
  /** Signed or refused while the record read differently: the change must be read and signed again. */
  stale: boolean;
  closingSentence: string;
  reason: string;
  recordedAt: string | null;
  /** The signature as drawn (PNG), for the signer list to show; null unless signed. */
  imageBase64: string | null;
  signatureSha256: string | null;
  /** Correction requests this signer made that are still undecided. */
  pendingCorrections: number;
}

export interface SigningView {
  hearingId: string;
  /** The round may run once the hearing has started; it ends when the hearing is finalized. */
  open: boolean;
  finalized: boolean;
  /** SHA-256 of the record's entries as they stand: what a signature vouches for. */
  recordDigest: string;
  closingSentence: LocalizedText;
  signers: SignerView[];
  /** Who is next in the template's order; null when everyone has an outcome. */
  nextSignerId: string | null;
}

export interface SignaturePoint {
  x: number;
  y: number;
  /** Milliseconds since the epoch, as the pad records them. */
  time: number;
  pressure?: number;
}

const coordinate = z.number().finite('validation.invalidFormat').min(-10_000).max(10_000);
const signaturePoint = z
  .object({
    x: coordinate,
    y: coordinate,
    time: z.number().int('validation.invalidFormat').min(0).max(8_640_000_000_000),
    pressure: z.number().min(0).max(1).optional(),
  })
  .strict();

/** PNG bytes as base64: a drawn signature is a few kilobytes; 512 KiB leaves room for a large pad. */
const pngBase64 = z
  .string()
  .max(700_000, 'validation.signatureImage')
  .regex(/^iVBORw0KGgo[A-Za-z0-9+/]*={0,2}$/, 'validation.signatureImage');

const hearingAndSigner = { hearingId: id, participantId: id };

export const signingMethods = {
  'signing.view': query(z.object({ hearingId: id }).strict(), returns<SigningView>(), 'The signing round: every signer in order, with their outcome.'),
  'signing.sign': mutation(
    z
      .object({
        ...hearingAndSigner,
        closingSentence: requiredText(200),
        image: pngBase64,
        strokes: z
          .array(z.object({ points: z.array(signaturePoint).min(1).max(5000) }).strict())
          .min(1, 'validation.signatureEmpty')
          .max(500),
        /** The record the signer read: refused if it changed meanwhile. */
        recordDigest: z.string().regex(/^[0-9a-f]{64}$/, 'validation.invalidFormat'),
      })
      .strict(),
    returns<SigningView>(),
    'Records a drawn signature (PNG and strokes with times, hashed) with the closing sentence the signer wrote.',
  ),
  'signing.refuse': mutation(
    z.object({ ...hearingAndSigner, reason: requiredText(500), enteredBy: id }).strict(),
    returns<SigningView>(),
    'Records that a signer refused to sign, with the reason, entered by the presiding officer or the clerk.',
  ),
  'signing.markAbsent': mutation(
    z.object({ ...hearingAndSigner, enteredBy: id, reason: optionalText(500).default('') }).strict(),
    returns<SigningView>(),
    'Records that a signer was not there to sign (未到).',
  ),
  'signing.reset': mutation(
    z.object(hearingAndSigner).strict(),
    returns<SigningView>(),
    'Clears a signer’s outcome so they can sign again (a mistaken refusal, a redo).',
  ),
} as const;

export const signingEvents = {
  'signing.changed': z.object({ hearingId: id }),
};
