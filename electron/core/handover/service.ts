import type { ImportedHearing } from '../contract/index.js';
import { isExhibitFile } from '../db/evidence.js';
import { AppError } from '../errors.js';
import type { FileStore } from '../files/store.js';
import type { Handlers } from '../router.js';
import type { ServiceDeps } from '../services.js';
import { importPackage } from './import.js';
import { rm } from 'node:fs/promises';

type HandoverHandlers = Pick<Handlers, 'handover.import' | 'handover.list'>;

interface OriginRow {
  hearingId: string;
  matterNo: string;
  title: string;
  office: string;
  fingerprint: string;
  sealedAt: string;
  manifestSha256: string;
  importedAt: string;
  importedBy: string;
}

export function handoverHandlers(deps: ServiceDeps, options: { dataDir: string; files: FileStore }): HandoverHandlers {
  const { db, clock, bus } = deps;
  const { files } = options;

  /**
   * The uploaded package was only a vehicle: once received (or refused) its
   * bytes live on under packages/, not among the evidence. An exhibit that
   * happens to hold the same bytes keeps them.
   */
  async function dropUpload(sha256: string) {
    if (!isExhibitFile(db, sha256)) await rm(files.pathOf(sha256), { force: true });
  }

  return {
    'handover.import': async ({ sha256 }, ctx) => {
      const state = await files.verify(sha256);
      if (state !== 'ok') throw new AppError(state === 'missing' ? 'file/missing' : 'file/corrupt', { sha256 });
      let imported: ImportedHearing;
      try {
        imported = await importPackage({ db, clock, dataDir: options.dataDir, files }, files.pathOf(sha256), ctx);
      } finally {
        await dropUpload(sha256);
      }
      bus.emit('hearing.created', { hearingId: imported.hearingId });
      bus.emit('handover.imported', { hearingId: imported.hearingId });
      return imported;
    },
    'handover.list': () =>
      (
        db
          .prepare(
            `SELECT i.hearing_id AS hearingId, h.matter_no AS matterNo, h.title, i.origin_office AS office, i.origin_fingerprint AS fingerprint,
               i.sealed_at AS sealedAt, i.manifest_sha256 AS manifestSha256, i.imported_at AS importedAt, i.imported_by AS importedBy
             FROM imported_hearings i JOIN hearings h ON h.id = i.hearing_id
             ORDER BY i.imported_at DESC, h.matter_no`,
          )
          .all() as OriginRow[]
      ).map(({ hearingId, matterNo, title, ...origin }) => ({ hearingId, matterNo, title, origin })),
  };
}
