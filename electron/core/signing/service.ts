import { createHash } from 'node:crypto';
import { recordAudit } from '../audit/log.js';
import type { SignerView, SigningOutcome, SigningView } from '../contract/index.js';
import type { HearingRecord } from '../db/hearings.js';
import { listCorrections } from '../db/minutes.js';
import { listParticipants } from '../db/participants.js';
import { deleteSignature, listSignatures, writeSignature, type SignatureRecord } from '../db/signing.js';
import type { Db } from '../db/index.js';
import { AppError } from '../errors.js';
import type { CallContext, Handlers } from '../router.js';
import { requireEditableHearing, requireHearing, requireTemplate, type ServiceDeps } from '../services.js';
import type { HearingTemplate } from '../templates/schema.js';
import { recordDigest } from './digest.js';
import { readPngSize } from './png.js';
import { signersOf, type Signer } from './signers.js';

type SigningHandlers = Pick<Handlers, Extract<keyof Handlers, `signing.${string}`>>;

/** Pads are a few hundred pixels; anything far larger is not a drawn signature. */
const maxSignaturePixels = { width: 4000, height: 2000 };
const maxSignatureBytes = 512 * 1024;

/** The outcome as the round sees it: a participant marked absent at check-in is 未到 without anyone entering it again. */
function outcomeOf(signer: Signer, row: SignatureRecord | undefined): SigningOutcome {
  if (row) return row.outcome;
  return signer.person.attendance.status === 'absent' ? 'absent' : 'pending';
}

export function signingView(db: Db, hearing: HearingRecord, template: HearingTemplate): SigningView {
  const digest = recordDigest(db, hearing.id);
  const rows = new Map(listSignatures(db, hearing.id).map((row) => [row.participantId, row]));
  const pendingBy = new Map<string, number>();
  for (const correction of listCorrections(db, hearing.id)) {
    if (correction.status === 'pending') pendingBy.set(correction.requestedBy, (pendingBy.get(correction.requestedBy) ?? 0) + 1);
  }
  const signers = signersOf(listParticipants(db, hearing.id), template).map((signer): SignerView => {
    const row = rows.get(signer.person.id);
    const outcome = outcomeOf(signer, row);
    return {
      participantId: signer.person.id,
      name: signer.person.name,
      roleLabel: signer.label,
      group: signer.group,
      outcome,
      // A finalized record no longer changes, and its seal vouches for the signatures as given: a received hearing whose entries were renumbered on import keeps them valid.
      stale: hearing.status !== 'finalized' && row !== undefined && row.outcome !== 'absent' && row.recordDigest !== digest,
      closingSentence: row?.closingSentence ?? '',
      reason: row?.reason ?? (outcome === 'absent' ? signer.person.attendance.absenceReason : ''),
      recordedAt: row?.recordedAt ?? null,
      imageBase64: row?.image ? row.image.toString('base64') : null,
      signatureSha256: row?.sha256 ?? null,
      pendingCorrections: pendingBy.get(signer.person.id) ?? 0,
    };
  });
  return {
    hearingId: hearing.id,
    open: hearing.status === 'inProgress' || hearing.status === 'closed',
    finalized: hearing.status === 'finalized',
    recordDigest: digest,
    closingSentence: template.closingSentence,
    signers,
    nextSignerId: signers.find((signer) => signer.outcome === 'pending' || signer.stale)?.participantId ?? null,
  };
}

export function signingHandlers(deps: ServiceDeps): SigningHandlers {
  const { db, clock, bus, templates } = deps;

  interface Loaded {
    hearing: HearingRecord;
    template: HearingTemplate;
    signers: Signer[];
  }

  function loadOpen(hearingId: string): Loaded {
    const hearing = requireEditableHearing(db, hearingId);
    if (hearing.status !== 'inProgress' && hearing.status !== 'closed') throw new AppError('signing/notOpen', {});
    const template = requireTemplate(templates, hearing.templateId);
    return { hearing, template, signers: signersOf(listParticipants(db, hearingId), template) };
  }

  function requireSigner(loaded: Loaded, participantId: string): Signer {
    const signer = loaded.signers.find((candidate) => candidate.person.id === participantId);
    if (!signer) throw new AppError('signing/notASigner', {});
    return signer;
  }

  /** Refusals and absences are entered on the signer's behalf, and only the presiding officer or the clerk may do that. */
  function requireChairOrClerk(hearingId: string, enteredBy: string): void {
    const person = listParticipants(db, hearingId).find((candidate) => candidate.id === enteredBy);
    if (!person || (person.role !== 'chair' && person.role !== 'clerk') || person.recused) throw new AppError('signing/notChairOrClerk', {});
  }

  function commit(loaded: Loaded, ctx: CallContext, action: string, write: () => void, after: unknown): SigningView {
    db.transaction(() => {
      write();
      recordAudit(db, clock, ctx, { action, hearingId: loaded.hearing.id, after });
    })();
    bus.emit('signing.changed', { hearingId: loaded.hearing.id });
    return signingView(db, requireHearing(db, loaded.hearing.id), loaded.template);
  }

  function row(loaded: Loaded, participantId: string, fields: Partial<SignatureRecord> & Pick<SignatureRecord, 'outcome'>): SignatureRecord {
    return {
      hearingId: loaded.hearing.id,
      participantId,
      closingSentence: '',
      image: null,
      strokes: null,
      sha256: null,
      reason: '',
      enteredBy: null,
      recordDigest: recordDigest(db, loaded.hearing.id),
      recordedAt: clock.now().toISOString(),
      ...fields,
    };
  }

  return {
    'signing.view': ({ hearingId }) => {
      const hearing = requireHearing(db, hearingId);
      return signingView(db, hearing, requireTemplate(templates, hearing.templateId));
    },
    'signing.sign': ({ hearingId, participantId, closingSentence, image, strokes, recordDigest: read }, ctx) => {
      const loaded = loadOpen(hearingId);
      const signer = requireSigner(loaded, participantId);
      if (read !== recordDigest(db, hearingId)) throw new AppError('signing/recordChanged', { name: signer.person.name });
      const pending = listCorrections(db, hearingId).filter((correction) => correction.requestedBy === participantId && correction.status === 'pending');
      if (pending.length > 0) throw new AppError('signing/correctionPending', { name: signer.person.name, count: pending.length });
      const png = Buffer.from(image, 'base64');
      const size = readPngSize(png);
      if (!size || png.length > maxSignatureBytes || size.width > maxSignaturePixels.width || size.height > maxSignaturePixels.height) {
        throw new AppError('signing/badImage', {});
      }
      const strokeJson = JSON.stringify(strokes);
      // The hash binds the picture to the pen's path and times: either alone could be pasted from elsewhere.
      const sha256 = createHash('sha256').update(png).update(strokeJson).digest('hex');
      const record = row(loaded, participantId, { outcome: 'signed', closingSentence, image: png, strokes: strokeJson, sha256 });
      return commit(loaded, ctx, 'signing.sign', () => writeSignature(db, record), { participantId, sha256, closingSentence });
    },
    'signing.refuse': ({ hearingId, participantId, reason, enteredBy }, ctx) => {
      const loaded = loadOpen(hearingId);
      requireSigner(loaded, participantId);
      requireChairOrClerk(hearingId, enteredBy);
      const record = row(loaded, participantId, { outcome: 'refused', reason, enteredBy });
      return commit(loaded, ctx, 'signing.refuse', () => writeSignature(db, record), { participantId, reason, enteredBy });
    },
    'signing.markAbsent': ({ hearingId, participantId, reason, enteredBy }, ctx) => {
      const loaded = loadOpen(hearingId);
      requireSigner(loaded, participantId);
      requireChairOrClerk(hearingId, enteredBy);
      const record = row(loaded, participantId, { outcome: 'absent', reason, enteredBy });
      return commit(loaded, ctx, 'signing.markAbsent', () => writeSignature(db, record), { participantId, reason, enteredBy });
    },
    'signing.reset': ({ hearingId, participantId }, ctx) => {
      const loaded = loadOpen(hearingId);
      requireSigner(loaded, participantId);
      return commit(loaded, ctx, 'signing.reset', () => deleteSignature(db, hearingId, participantId), { participantId });
    },
  };
}
