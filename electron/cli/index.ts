import { constants } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { openCore, type Core } from '../core/app.js';
import { startCore } from '../core/lifecycle.js';
import { recoveryStatus } from '../core/recovery/status.js';
import { summaryOf, type BackupManifest } from '../core/backup/format.js';
import { previewBackup } from '../core/backup/read.js';
import { restoreBackup } from '../core/backup/restore.js';
import { writeBackup } from '../core/backup/write.js';
import { systemClock } from '../core/clock.js';
import { documentKinds, type Finalization, type GeneratedDocument, type Hearing, type LanInfo, type Operator } from '../core/contract/index.js';
import { packageDir } from '../core/finalize/service.js';
import { findSoffice, type PdfRenderer } from '../core/seal/pdf.js';
import { verifyPackage } from '../core/seal/verify.js';
import { AppError } from '../core/errors.js';
import { createTranslator, describeError, languageFromEnvironment } from '../core/i18n.js';
import { defaultDataDir, findAppRoot } from '../core/paths.js';
import { createLanToken, lanInfoFor, terminalQrCode } from '../host/lan.js';
import { chromiumRenderer, findChromium } from '../host/chromium-pdf.js';
import { startHost, staticDirFor } from '../host/server.js';
import { parseCommand, parsePort, UsageError } from './args.js';

const usage = `Usage: hearing-desk <command> [options]

Commands:
  serve [--port N] [--data DIR]   serve the app to this computer's browser (127.0.0.1 only)
    [--lan]                       also let screens on the room's network follow, read-only,
                                  with the access token printed at start
  list [--data DIR] [--json]      list the hearings in a data folder
  verify PACKAGE.zip [--json]     check a sealed case package: exit 0 if intact,
                                  1 naming the first file that does not match, 2 if unreadable
  documents --hearing ID --out DIR [--data DIR] [--language zh-CN|en]
                                  write every document of a hearing as .docx
  export --hearing ID --out FILE.zip [--data DIR]
                                  copy a finalized hearing's sealed case package
  sample [--data DIR]             create the built-in sample hearing, held, signed and
                                  finalized (or find it if it is already there)
  backup --out FILE.zip [--data DIR]
                                  write a backup of the whole data folder (database,
                                  evidence, signing key, packages) as one file
  backup-info FILE.zip [--json]   show what a backup holds, changing nothing
  restore FILE.zip [--data DIR]   restore a backup: into an empty folder, or in place of
                                  the data there, which is kept beside it, renamed
  reset-password --user NAME [--data DIR]
                                  set an operator's password, read from the first line of
                                  standard input (for a forgotten administrator password)

--data defaults to ~/.hearing-desk. Exit codes: 0 success, 1 a negative answer, 2 usage or I/O error.`;

/** Exit codes the CLI promises: scripts depend on them. */
export const exitCodes = { ok: 0, negative: 1, failure: 2 } as const;

const appRoot = findAppRoot(import.meta.url);
const resourcesDir = resolve(appRoot, 'resources');

/** Without `pdf`, the core's default: LibreOffice where it is installed. */
function openData(dir: string | undefined, lanInfo?: () => LanInfo, pdf?: PdfRenderer): Core {
  return openCore({ dataDir: resolve(dir ?? defaultDataDir()), resourcesDir, lanInfo, pdf });
}

/**
 * A database that fails its check at start: the way back is the latest good
 * backup, found through the folder named in the data folder's backup-folder
 * file (the database that holds the setting cannot be read).
 */
async function offerRestore(dataDir: string): Promise<void> {
  const t = await createTranslator(resourcesDir, languageFromEnvironment());
  console.error(`hearing-desk: ${describeError(t, { code: 'db/corrupt', params: {} })}`);
  const status = await recoveryStatus(dataDir, '');
  const latest = status.snapshots.find((snapshot) => snapshot.fileName === status.latest);
  if (latest?.summary && status.command) {
    const file = join(status.folder, latest.fileName);
    console.error(t('backup:startup.latest', { file, createdAt: latest.summary.createdAt, hearings: latest.summary.counts.hearings }));
    console.error(t('backup:startup.restoreCommand', { command: status.command }));
    return;
  }
  console.error(t('backup:startup.noneFound', { folder: status.folder || '—' }));
}

async function serve(values: Record<string, string | boolean | undefined>): Promise<void> {
  const port = parsePort(values.port as string | undefined, 5199);
  const lan = values.lan ? { token: createLanToken() } : undefined;
  // Known once the host listens (the port may be 0); computed once, answered by lan.info.
  let lanInfo: LanInfo = { enabled: true, url: null, qrSvg: null };
  // PDFs for the sealed packages: LibreOffice where installed, else Chromium printing this host's own print page (its address known once it listens).
  let hostUrl = '';
  const chromium = findSoffice() ? undefined : findChromium();
  const dataDir = resolve((values.data as string | undefined) ?? defaultDataDir());
  const pdf = chromium ? chromiumRenderer(chromium, () => hostUrl) : undefined;
  // A damaged database starts the host in recovery mode: the page offers the latest good backup, and the terminal names it too.
  const live = startCore({ dataDir, resourcesDir, lanInfo: lan ? () => lanInfo : undefined, pdf });
  if (live.mode() === 'recovery') await offerRestore(dataDir);
  const { core } = live;
  for (const problem of core.templateProblems) {
    console.error(`template ${problem.file}: ${problem.field || '(file)'}: ${problem.message}`);
  }
  const host = await startHost({ core, staticDir: staticDirFor(appRoot), port, lan });
  hostUrl = host.url;
  console.log(
    `Hearing Desk is serving at ${host.url}${live.mode() === 'recovery' ? ' (recovery mode: the database is damaged; open this address to restore a backup)' : ''}`,
  );
  if (lan) {
    lanInfo = await lanInfoFor(host.lanUrls);
    const [first] = host.lanUrls;
    if (first === undefined) {
      console.log('Room network: this computer has no network address (IPv4); connect it to the room network and start again.');
    } else {
      console.log('Room network (read-only follow view): open on a tablet or TV on the same network:');
      for (const url of host.lanUrls) console.log(`  ${url}`);
      console.log(await terminalQrCode(first));
      console.log('Anyone with this address can follow the hearing. A new token is made at every start.');
    }
  }
  const stop = () => {
    void host.close().then(async () => {
      await live.close();
      process.exit(exitCodes.ok);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function invoke<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.router.invoke(method, input, { actor: 'cli' });
  if (!result.ok) throw new AppError(result.error.code, result.error.params);
  return result.value as T;
}

async function list(values: Record<string, string | boolean | undefined>): Promise<number> {
  const core = openData(values.data as string | undefined);
  try {
    const hearings = await invoke<Hearing[]>(core, 'hearing.list', {});
    if (values.json) {
      console.log(JSON.stringify(hearings, null, 2));
    } else if (hearings.length === 0) {
      console.log('(no hearings)');
    } else {
      for (const hearing of hearings) {
        console.log([hearing.plannedStart.replace('T', ' '), hearing.matterNo, hearing.status, hearing.title].join('\t'));
      }
    }
    return exitCodes.ok;
  } finally {
    core.close();
  }
}

async function verify(positionals: string[], values: Record<string, string | boolean | undefined>): Promise<number> {
  const [file] = positionals;
  if (!file) throw new UsageError('verify needs the path of a package');
  const verdict = await verifyPackage(resolve(file));
  if (values.json) console.log(JSON.stringify(verdict, null, 2));
  else if (verdict.valid) console.log(`valid, signed by ${verdict.fingerprint} on ${verdict.signedAt} (${verdict.hearingTitle}, ${verdict.files} files)`);
  else console.log(`not valid: ${verdict.file ?? '(package)'}: ${verdict.detail}`);
  if (verdict.valid) return exitCodes.ok;
  return verdict.reason === 'unreadable' ? exitCodes.failure : exitCodes.negative;
}

function requiredOption(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

async function documents(values: Record<string, string | boolean | undefined>): Promise<number> {
  const hearingId = requiredOption(values, 'hearing');
  const out = resolve(requiredOption(values, 'out'));
  const language = values.language === 'en' ? 'en' : 'zh-CN';
  const core = openData(values.data as string | undefined);
  try {
    await mkdir(out, { recursive: true });
    for (const kind of documentKinds) {
      try {
        const document = await invoke<GeneratedDocument>(core, 'documents.generate', { hearingId, kind, language });
        await writeFile(join(out, document.fileName), Buffer.from(document.base64, 'base64'));
        console.log(`${document.fileName}\t${document.sha256}`);
      } catch (error) {
        // A document that does not apply yet (no deliberation) is reported and skipped; anything else stops.
        if (!(error instanceof AppError && error.code === 'documents/notAvailable')) throw error;
        console.error(`skipped ${kind}: not available for this hearing yet`);
      }
    }
    return exitCodes.ok;
  } finally {
    core.close();
  }
}

async function exportPackage(values: Record<string, string | boolean | undefined>): Promise<number> {
  const hearingId = requiredOption(values, 'hearing');
  const out = resolve(requiredOption(values, 'out'));
  const core = openData(values.data as string | undefined);
  try {
    const finalization = await invoke<Finalization | null>(core, 'record.finalization', { hearingId });
    if (!finalization) throw new AppError('record/notFinalized', {});
    await copyFile(join(packageDir(core.dataDir, hearingId), finalization.packageName), out, constants.COPYFILE_EXCL);
    console.log(`${out}\t${finalization.manifestSha256}`);
    return exitCodes.ok;
  } finally {
    core.close();
  }
}

async function sample(values: Record<string, string | boolean | undefined>): Promise<number> {
  const core = openData(values.data as string | undefined);
  try {
    const hearing = await invoke<Hearing>(core, 'sample.create', {});
    console.log(`${hearing.id}\t${hearing.title}`);
    return exitCodes.ok;
  } finally {
    core.close();
  }
}

function printSummary(manifest: BackupManifest): void {
  const summary = summaryOf(manifest);
  const megabytes = (summary.bytes.total / 1024 / 1024).toFixed(1);
  console.log(`created\t${summary.createdAt} (Hearing Desk ${summary.appVersion}, schema ${summary.schemaVersion})`);
  console.log(`hearings\t${summary.counts.hearings} (${summary.counts.finalized} finalized, ${summary.counts.minuteEntries} minutes entries)`);
  console.log(`files\t${summary.counts.evidenceFiles} evidence, ${summary.counts.packageFiles} package files, ${megabytes} MB in all`);
  // The key is the installation's identity: whoever restores this backup seals packages as this office.
  console.log(
    `signing key\t${summary.keyFingerprint ?? '(none yet)'}${summary.keyFingerprint ? ' — the installation’s identity: keep this file as safe as the key itself' : ''}`,
  );
}

async function backup(values: Record<string, string | boolean | undefined>): Promise<number> {
  const out = resolve(requiredOption(values, 'out'));
  const core = openData(values.data as string | undefined);
  try {
    await core.backups.idle();
    printSummary(await writeBackup(core.db, core.dataDir, out, { clock: systemClock }));
    console.log(`written\t${out}`);
    return exitCodes.ok;
  } finally {
    core.close();
  }
}

async function backupInfo(positionals: string[], values: Record<string, string | boolean | undefined>): Promise<number> {
  const [file] = positionals;
  if (!file) throw new UsageError('backup-info needs the path of a backup');
  const manifest = await previewBackup(resolve(file));
  if (values.json) console.log(JSON.stringify(summaryOf(manifest), null, 2));
  else printSummary(manifest);
  return exitCodes.ok;
}

/** Never opens the data folder's database: restoring is how a damaged one is replaced. */
async function restore(positionals: string[], values: Record<string, string | boolean | undefined>): Promise<number> {
  const [file] = positionals;
  if (!file) throw new UsageError('restore needs the path of a backup');
  const result = await restoreBackup(resolve(file), resolve((values.data as string | undefined) ?? defaultDataDir()), systemClock.now());
  printSummary(result.manifest);
  console.log(`restored\t${result.dataDir}`);
  if (result.previousData) console.log(`previous data kept in\t${result.previousData}`);
  return exitCodes.ok;
}

/**
 * The way back in when the only administrator forgot the password: whoever
 * holds the laptop's data folder can already read it, so the command line may
 * set a password; the audit log records it. Read from standard input, never
 * from the arguments, so it stays out of the shell's history.
 */
async function resetPassword(values: Record<string, string | boolean | undefined>): Promise<number> {
  const username = requiredOption(values, 'user');
  const password = (await readFirstLine(process.stdin)).replace(/\r$/, '');
  const core = openData(values.data as string | undefined);
  try {
    const user = (await invoke<Operator[]>(core, 'users.list', {})).find((each) => each.username.toLowerCase() === username.toLowerCase());
    if (!user) throw new AppError('users/notFound', { userId: username });
    await invoke(core, 'users.resetPassword', { userId: user.id, password });
    console.log(`password set\t${user.username}\t${user.displayName}`);
    return exitCodes.ok;
  } finally {
    await core.backups.idle();
    core.close();
  }
}

async function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split('\n')[0] ?? '';
}

async function main(argv: string[]): Promise<number> {
  const { command, values, positionals } = parseCommand(argv);
  if (values.help || command === 'help') {
    console.log(usage);
    return exitCodes.ok;
  }
  switch (command) {
    case 'serve':
      await serve(values);
      return -1;
    case 'list':
      return list(values);
    case 'verify':
      return verify(positionals, values);
    case 'documents':
      return documents(values);
    case 'export':
      return exportPackage(values);
    case 'sample':
      return sample(values);
    case 'backup':
      return backup(values);
    case 'backup-info':
      return backupInfo(positionals, values);
    case 'restore':
      return restore(positionals, values);
    case 'reset-password':
      return resetPassword(values);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function reportFailure(error: unknown): Promise<number> {
  if (error instanceof UsageError) {
    console.error(`hearing-desk: ${error.message}\n\n${usage}`);
  } else if (error instanceof AppError) {
    const t = await createTranslator(resourcesDir, languageFromEnvironment());
    console.error(`hearing-desk: ${describeError(t, error.toData())}`);
  } else {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    console.error(`hearing-desk: ${code ? `${code}: ` : ''}${error instanceof Error ? error.message : String(error)}`);
  }
  return exitCodes.failure;
}

main(process.argv.slice(2))
  .catch(reportFailure)
  .then((code) => {
    if (code >= 0) process.exitCode = code;
  });
