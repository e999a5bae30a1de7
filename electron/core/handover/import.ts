import { createHash, randomUUID } from 'node:crypto';
import { copyFile, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { recordAudit } from '../audit/log.js';
import type { Clock } from '../clock.js';
import type { HearingOrigin, ImportedHearing, PackageVerdict } from '../contract/index.js';
import { latestVersion, type Db } from '../db/index.js';
import { findHearing, updateHearing } from '../db/hearings.js';
import { insertFinalization } from '../db/signing.js';
import { AppError } from '../errors.js';
import type { FileStore } from '../files/store.js';
import { packageDir, safeName } from '../finalize/service.js';
import { manifestName, manifestSchema, type Manifest } from '../seal/manifest.js';
import { verifyPackage } from '../seal/verify.js';
import { ZipReader, type ZipEntry } from '../seal/zip.js';
import type { CallContext } from '../router.js';
import { hearingArchiveSchema, insertHearingRows, type HearingArchive } from './rows.js';

export interface HandoverDeps {
  db: Db;
  clock: Clock;
  dataDir: string;
  files: FileStore;
}

/** A verifier's refusal as the import's: not a package at all, a broken zip, or the first file that does not match its seal. */
function refusalOf(verdict: Extract<PackageVerdict, { valid: false }>): AppError {
  if (verdict.reason === 'unreadable') return new AppError('handover/notAPackage', {});
  if (verdict.file === null) return new AppError('handover/damaged', {});
  return new AppError('handover/tampered', { file: verdict.file });
}

interface Contents {
  manifest: Manifest;
  manifestSha256: string;
  archive: HearingArchive;
  evidence: Array<{ entry: ZipEntry; sha256: string }>;
}

async function readContents(zip: ZipReader): Promise<Contents> {
  const entry = (name: string) => zip.entries.find((candidate) => candidate.name === name);
  const manifestBytes = await zip.read(entry(manifestName)!);
  const manifest = manifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
  // An addendum carries only its own document; the hearing it amends travels in its record package.
  if (manifest.kind !== 'record') throw new AppError('handover/notRecord', {});
  const data = entry('hearing.json');
  if (!data) throw new AppError('handover/badData', { detail: 'the package has no hearing.json' });
  let parsed: unknown;
  try {
    parsed = JSON.parse((await zip.read(data)).toString('utf8'));
  } catch {
    throw new AppError('handover/badData', { detail: 'hearing.json cannot be read' });
  }
  const version = (parsed as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > latestVersion) throw new AppError('handover/newerSchema', { found: version, supported: latestVersion });
  const archive = hearingArchiveSchema.safeParse(parsed);
  if (!archive.success) throw new AppError('handover/badData', { detail: 'hearing.json is not in the expected form' });
  if (archive.data.hearingId !== manifest.hearing.id) throw new AppError('handover/badData', { detail: 'hearing.json is not the hearing the manifest names' });
  const listed = new Map(manifest.files.map((file) => [file.path, file.sha256]));
  return {
    manifest,
    manifestSha256: createHash('sha256').update(manifestBytes).digest('hex'),
    archive: archive.data,
    evidence: zip.entries
      .filter((candidate) => candidate.name.startsWith('evidence/'))
      .map((candidate) => ({ entry: candidate, sha256: listed.get(candidate.name)! })),
  };
}

/** Copies one evidence file out of the package beside its place in the store, hashing on the way; renamed into place after the commit. */
async function extractEvidence(zip: ZipReader, entry: ZipEntry, sha256: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const handle = await open(target, 'wx', 0o600);
  try {
    const hash = createHash('sha256');
    for await (const chunk of zip.chunks(entry)) {
      hash.update(chunk);
      await handle.write(chunk);
    }
    if (hash.digest('hex') !== sha256) throw new AppError('handover/tampered', { file: entry.name });
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Receives a case package sealed on another laptop (issue 9): the copy kept
 * here is the one verified, byte for byte; then every row of its hearing.json
 * goes in, in one transaction, with the finalization and the origin that make
 * the hearing read-only. Files are written under temporary names first and
 * take their real names only after the commit, so a refusal or a failure at
 * any point leaves the data folder as it was.
 */
export async function importPackage(deps: HandoverDeps, source: string, ctx: CallContext): Promise<ImportedHearing> {
  const { db, clock, files } = deps;
  const packagesDir = join(deps.dataDir, 'packages');
  await mkdir(packagesDir, { recursive: true });
  const incoming = join(packagesDir, `.incoming-${randomUUID()}.zip`);
  const staged: Array<{ temporary: string; target: string }> = [];
  let committed = false;
  try {
    await copyFile(source, incoming);
    const verdict = await verifyPackage(incoming);
    if (!verdict.valid) throw refusalOf(verdict);

    const zip = await ZipReader.open(incoming);
    let contents: Contents;
    try {
      contents = await readContents(zip);
      const present = findHearing(db, contents.archive.hearingId);
      if (present) throw new AppError('handover/alreadyPresent', { matterNo: present.matterNo });
      const wanted = new Map(contents.evidence.map((file) => [file.sha256, file.entry]));
      for (const [sha256, entry] of wanted) {
        if ((await files.verify(sha256)) === 'ok') continue;
        const target = files.pathOf(sha256);
        const temporary = `${target}.${randomUUID()}.handover`;
        staged.push({ temporary, target });
        await extractEvidence(zip, entry, sha256, temporary);
      }
    } finally {
      await zip.close();
    }

    const { manifest, manifestSha256, archive } = contents;
    const hearingId = archive.hearingId;
    const packageName = `${safeName(manifest.hearing.matterNo || manifest.hearing.title)}-听证案卷.zip`;
    const packageBytes = (await stat(incoming)).size;
    const origin: HearingOrigin = {
      office: manifest.hearing.organizer,
      fingerprint: manifest.key.fingerprint,
      sealedAt: manifest.sealedAt,
      manifestSha256,
      importedAt: clock.now().toISOString(),
      importedBy: ctx.actor,
    };
    const transaction = db.transaction((): ImportedHearing => {
      // Checked again inside the transaction: a second window may have imported the same package meanwhile.
      const present = findHearing(db, hearingId);
      if (present) throw new AppError('handover/alreadyPresent', { matterNo: present.matterNo });
      insertHearingRows(db, archive);
      const hearing = findHearing(db, hearingId);
      if (!hearing) throw new AppError('handover/badData', { detail: 'hearing.json holds no hearing row' });
      // As the origin left it the moment it sealed: finalized then, by the office named in the seal.
      updateHearing(db, { ...hearing, status: 'finalized', updatedAt: manifest.sealedAt });
      insertFinalization(db, {
        hearingId,
        finalizedAt: manifest.sealedAt,
        finalizedBy: origin.office,
        manifestSha256,
        keyFingerprint: origin.fingerprint,
        packageName,
        packageBytes,
      });
      db.prepare(
        `INSERT INTO imported_hearings (hearing_id, origin_office, origin_fingerprint, manifest_sha256, sealed_at, imported_at, imported_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(hearingId, origin.office, origin.fingerprint, manifestSha256, origin.sealedAt, origin.importedAt, origin.importedBy);
      recordAudit(db, clock, ctx, { action: 'handover.import', hearingId, after: origin });
      return { hearingId, matterNo: hearing.matterNo, title: hearing.title, origin };
    });
    let imported: ImportedHearing;
    try {
      imported = transaction();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      // A key taken or a reference to nothing: rows that cannot be this hearing's as the package claims.
      if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) throw new AppError('handover/badData', { detail: code });
      throw error;
    }
    committed = true;
    for (const file of staged) await rename(file.temporary, file.target);
    const dir = packageDir(deps.dataDir, hearingId);
    await mkdir(dir, { recursive: true });
    await rename(incoming, join(dir, packageName));
    return imported;
  } finally {
    if (!committed) {
      await rm(incoming, { force: true });
      for (const file of staged) await rm(file.temporary, { force: true });
    }
  }
}
