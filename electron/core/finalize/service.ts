import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { recordAudit } from '../audit/log.js';
import { documentKinds, type Addendum, type DocumentKind, type Finalization } from '../contract/index.js';
import { updateHearing, type HearingRecord } from '../db/hearings.js';
import { findFinalization, insertAddendum, insertFinalization, listAddenda, listSignatures } from '../db/signing.js';
import { buildAddendumDocument } from '../documents/addendum.js';
import { documentBuilders, documentContext } from '../documents/registry.js';
import { documentFileName } from '../documents/service.js';
import { AppError } from '../errors.js';
import { presentExhibits } from '../evidence/service.js';
import type { FileStore } from '../files/store.js';
import type { Handlers } from '../router.js';
import { hearingArchive } from '../seal/hearing-data.js';
import type { InstallationKey } from '../seal/key.js';
import type { PdfRenderer } from '../seal/pdf.js';
import { PackageSourceError, writeSealedPackage, type PackageFile } from '../seal/package.js';
import { ZipTooLargeError } from '../seal/zip.js';
import { requireEditableHearing, requireHearing, requireTemplate, type ServiceDeps } from '../services.js';
import { signingView } from '../signing/service.js';
import type { HearingTemplate } from '../templates/schema.js';
import { completenessOf } from './completeness.js';

type FinalizeHandlers = Pick<Handlers, 'record.completeness' | 'record.finalization' | 'record.finalize' | 'record.amend' | 'installation.key'>;

export interface FinalizeOptions {
  dataDir: string;
  files: FileStore;
  /** Loaded on first use: a data folder that never finalizes never gets a key. */
  key: () => InstallationKey;
  /** Makes a PDF of each document for the package; without one the manifest says so. */
  pdf?: PdfRenderer;
}

/** Where finalized packages live: one folder per hearing, beside the database, never rewritten. */
export function packageDir(dataDir: string, hearingId: string): string {
  return join(dataDir, 'packages', hearingId);
}

/** A name any file system accepts, for a path inside the package. */
export function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').slice(0, 80) || '_';
}

interface DocumentFile {
  path: string;
  bytes: Buffer;
  kind: DocumentKind;
}

/** The package's documents are in Chinese, the language they are filed in. */
async function documentFiles(deps: ServiceDeps, hearing: HearingRecord, template: HearingTemplate): Promise<DocumentFile[]> {
  const files: DocumentFile[] = [];
  for (const kind of documentKinds) {
    const builder = documentBuilders[kind];
    if (!builder) continue;
    try {
      const bytes = await builder.build(documentContext(deps.db, hearing, template, 'zh-CN'));
      files.push({ path: `documents/${documentFileName(hearing.title, builder.fileLabel['zh-CN'])}`, bytes, kind });
    } catch (error) {
      // A document that does not apply (no deliberation under this template) is left out, not faked.
      if (!(error instanceof AppError && error.code === 'documents/notAvailable')) throw error;
    }
  }
  return files;
}

/**
 * The documents as PDFs, for readers without Word. A renderer that fails does
 * not stop the finalizing: the package is sealed without PDFs and its
 * manifest says why.
 */
async function pdfFiles(renderer: PdfRenderer | undefined, hearingId: string, documents: readonly DocumentFile[]) {
  if (!renderer) return { files: [], note: { renderer: null, detail: 'no PDF renderer on this computer (LibreOffice not found)' } };
  try {
    const rendered = await renderer.render(
      documents.map((document) => ({
        name: document.path.replace(/^documents\//, ''),
        bytes: document.bytes,
        hearingId,
        kind: document.kind,
        language: 'zh-CN',
      })),
    );
    return { files: rendered.map((file) => ({ path: `pdf/${file.name}`, bytes: file.bytes })), note: { renderer: renderer.name, detail: '' } };
  } catch (error) {
    return { files: [], note: { renderer: null, detail: `${renderer.name} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` } };
  }
}

function signatureFiles(deps: ServiceDeps, hearing: HearingRecord, template: HearingTemplate): PackageFile[] {
  const rows = new Map(listSignatures(deps.db, hearing.id).map((row) => [row.participantId, row]));
  return signingView(deps.db, hearing, template).signers.flatMap((signer, index): PackageFile[] => {
    const row = rows.get(signer.participantId);
    if (!row?.image || !row.strokes) return [];
    const stem = `signatures/${String(index + 1).padStart(2, '0')}-${safeName(signer.name)}`;
    return [
      { path: `${stem}.png`, bytes: row.image },
      { path: `${stem}.strokes.json`, bytes: Buffer.from(row.strokes, 'utf8') },
    ];
  });
}

function evidenceFiles(deps: ServiceDeps, hearing: HearingRecord, template: HearingTemplate, store: FileStore): PackageFile[] {
  return presentExhibits(deps.db, template, hearing.id).flatMap((exhibit) =>
    exhibit.files.map((file, index) => ({
      path: `evidence/${safeName(exhibit.label['zh-CN'])}/${index + 1}-${safeName(file.originalName)}`,
      source: store.pathOf(file.sha256),
      sha256: file.sha256,
    })),
  );
}

export function finalizeHandlers(deps: ServiceDeps, options: FinalizeOptions): FinalizeHandlers {
  const { db, clock, bus, templates } = deps;

  function finalizationOf(hearingId: string): Finalization | null {
    const row = findFinalization(db, hearingId);
    return row ? { ...row, addenda: listAddenda(db, hearingId) } : null;
  }

  async function seal(target: string, header: Parameters<typeof writeSealedPackage>[1], files: readonly PackageFile[]) {
    try {
      return await writeSealedPackage(target, header, files, options.key());
    } catch (error) {
      if (error instanceof ZipTooLargeError) throw new AppError('record/packageTooLarge', {});
      if (error instanceof PackageSourceError) throw new AppError(error.problem === 'missing' ? 'file/missing' : 'file/corrupt', { sha256: error.sha256 });
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC') throw new AppError('record/diskFull', {});
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') throw new AppError('record/readOnly', {});
      throw error;
    }
  }

  return {
    'record.completeness': ({ hearingId }) => {
      const hearing = requireHearing(db, hearingId);
      return completenessOf(db, hearing, requireTemplate(templates, hearing.templateId));
    },
    'record.finalization': ({ hearingId }) => {
      requireHearing(db, hearingId);
      return finalizationOf(hearingId);
    },
    'installation.key': () => ({ fingerprint: options.key().fingerprint }),
    'record.finalize': async ({ hearingId }, ctx) => {
      const hearing = requireEditableHearing(db, hearingId);
      const template = requireTemplate(templates, hearing.templateId);
      const completeness = completenessOf(db, hearing, template);
      if (hearing.status !== 'closed') throw new AppError('record/notClosed', {});
      if (!completeness.complete) throw new AppError('record/incomplete', { count: completeness.missing.length });

      const finalizedAt = clock.now().toISOString();
      const evidence = evidenceFiles(deps, hearing, template, options.files);
      const documents = await documentFiles(deps, hearing, template);
      const pdf = await pdfFiles(options.pdf, hearingId, documents);
      const files: PackageFile[] = [
        ...documents,
        ...pdf.files,
        { path: 'hearing.json', bytes: hearingArchive(db, hearingId) },
        ...signatureFiles(deps, hearing, template),
        ...evidence,
      ];
      const dir = packageDir(options.dataDir, hearingId);
      mkdirSync(dir, { recursive: true });
      const packageName = `${safeName(hearing.matterNo || hearing.title)}-听证案卷.zip`;
      const target = join(dir, packageName);
      const sealed = await seal(
        target,
        {
          kind: 'record',
          hearing: { id: hearing.id, title: hearing.title, matterNo: hearing.matterNo, organizer: hearing.organizer },
          sealedAt: finalizedAt,
          pdf: pdf.note,
        },
        files,
      );

      const row = {
        hearingId,
        finalizedAt,
        finalizedBy: ctx.actor,
        manifestSha256: sealed.manifestSha256,
        keyFingerprint: options.key().fingerprint,
        packageName,
        packageBytes: sealed.bytes,
      };
      db.transaction(() => {
        // Checked again inside the transaction: a second window may have finalized meanwhile.
        if (requireHearing(db, hearingId).status === 'finalized') throw new AppError('hearing/locked', { hearingId });
        insertFinalization(db, row);
        updateHearing(db, { ...hearing, status: 'finalized', updatedAt: finalizedAt });
        recordAudit(db, clock, ctx, { action: 'record.finalize', hearingId, after: row });
      })();
      bus.emit('record.finalized', { hearingId });
      bus.emit('hearing.updated', { hearingId });
      return finalizationOf(hearingId)!;
    },
    'record.amend': async ({ hearingId, text, reason }, ctx) => {
      const hearing = requireHearing(db, hearingId);
      const original = findFinalization(db, hearingId);
      if (!original) throw new AppError('record/notFinalized', {});
      const number = listAddenda(db, hearingId).length + 1;
      const createdAt = clock.now().toISOString();
      const documentBytes = await buildAddendumDocument({ hearing, number, text, reason, createdAt, originalManifestSha256: original.manifestSha256 });
      const packageName = `${safeName(hearing.matterNo || hearing.title)}-补正${number}.zip`;
      const sealed = await seal(
        join(packageDir(options.dataDir, hearingId), packageName),
        {
          kind: 'addendum',
          hearing: { id: hearing.id, title: hearing.title, matterNo: hearing.matterNo, organizer: hearing.organizer },
          sealedAt: createdAt,
          amends: { manifestSha256: original.manifestSha256 },
        },
        [{ path: `documents/${documentFileName(hearing.title, `补正${number}`)}`, bytes: documentBytes }],
      );
      const addendum: Addendum = { id: randomUUID(), number, createdAt, text, reason, manifestSha256: sealed.manifestSha256, packageName };
      db.transaction(() => {
        insertAddendum(db, hearingId, addendum, ctx.actor, original.manifestSha256);
        recordAudit(db, clock, ctx, { action: 'record.amend', hearingId, after: addendum });
      })();
      bus.emit('record.finalized', { hearingId });
      return addendum;
    },
  };
}
