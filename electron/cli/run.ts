import { constants } from 'node:fs';
import { format } from 'node:util';
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
import { testClockFromEnvironment } from '../host/test-clock.js';
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

/** Where a command reads and writes: the process's own streams, or a test's. */
export interface CliIo {
  /** One line of standard output. */
  out(line: string): void;
  /** One line of standard error. */
  err(line: string): void;
  stdin: NodeJS.ReadableStream;
  /** Read for the language of messages (LANG and friends). */
  env: NodeJS.ProcessEnv;
}

/** Exit codes the CLI promises: scripts depend on them. */
export const exitCodes = { ok: 0, negative: 1, failure: 2 } as const;

const appRoot = findAppRoot(import.meta.url);
const resourcesDir = resolve(appRoot, 'resources');

/** Without `pdf`, the core's default: LibreOffice where it is installed. */
function openData(io: CliIo, dir: string | undefined, lanInfo?: () => LanInfo, pdf?: PdfRenderer): Core {
  const logger = { error: (message: string, error: unknown) => io.err(format(message, error)) };
  return openCore({ dataDir: resolve(dir ?? defaultDataDir()), resourcesDir, lanInfo, pdf, logger });
}

/**
 * A database that fails its check at start: the way back is the latest good
 * backup, found through the folder named in the data folder's backup-folder
 * file (the database that holds the setting cannot be read).
 */
async function offerRestore(io: CliIo, dataDir: string): Promise<void> {
  const t = await createTranslator(resourcesDir, languageFromEnvironment(io.env));
  io.err(`hearing-desk: ${describeError(t, { code: 'db/corrupt', params: {} })}`);
  const status = await recoveryStatus(dataDir, '');
  const latest = status.snapshots.find((snapshot) => snapshot.fileName === status.latest);
  if (latest?.summary && status.command) {
    const file = join(status.folder, latest.fileName);
    io.err(t('backup:startup.latest', { file, createdAt: latest.summary.createdAt, hearings: latest.summary.counts.hearings }));
    io.err(t('backup:startup.restoreCommand', { command: status.command }));
    return;
  }
  io.err(t('backup:startup.noneFound', { folder: status.folder || '—' }));
}

async function serve(io: CliIo, values: Record<string, string | boolean | undefined>): Promise<void> {
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
  const live = startCore({ dataDir, resourcesDir, lanInfo: lan ? () => lanInfo : undefined, pdf, clock: testClockFromEnvironment(io.env) });
  if (live.mode() === 'recovery') await offerRestore(io, dataDir);
  const { core } = live;
  for (const problem of core.templateProblems) {
    io.err(`template ${problem.file}: ${problem.field || '(file)'}: ${problem.message}`);
  }
  const host = await startHost({ core, staticDir: staticDirFor(appRoot), port, lan });
  hostUrl = host.url;
  io.out(
    `Hearing Desk is serving at ${host.url}${live.mode() === 'recovery' ? ' (recovery mode: the database is damaged; open this address to restore a backup)' : ''}`,
  );
  if (lan) {
    lanInfo = await lanInfoFor(host.lanUrls);
    const [first] = host.lanUrls;
    if (first === undefined) {
      io.out('Room network: this computer has no network address (IPv4); connect it to the room network and start again.');
    } else {
      io.out('Room network (read-only follow view): open on a tablet or TV on the same network:');
      for (const url of host.lanUrls) io.out(`  ${url}`);
      io.out(await terminalQrCode(first));
      io.out('Anyone with this address can follow the hearing. A new token is made at every start.');
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

async function list(io: CliIo, values: Record<string, string | boolean | undefined>): Promise<number> {
  const core = openData(io, values.data as string | undefined);
  try {
    const hearings = await invoke<Hearing[]>(core, 'hearing.list', {});
    if (values.json) {
      io.out(JSON.stringify(hearings, null, 2));
    } else if (hearings.length === 0) {
      io.out('(no hearings)');
    } else {
      for (const hearing of hearings) {
        io.out([hearing.plannedStart.replace('T', ' '), hearing.matterNo, hearing.status, hearing.title].join('\t'));
      }
    }
    return exitCodes.ok;
  } finally {
    core.close();
  }
}

async function verify(io: CliIo, positionals: string[], values: Record<string, string | boolean | undefined>): Promise<number> {
  const [file] = positionals;
  if (!file) throw new UsageError('verify needs the path of a package');
  const verdict = await verifyPackage(resolve(file));
  if (values.json) io.out(JSON.stringify(verdict, null, 2));
  else if (verdict.valid) io.out(`valid, signed by ${verdict.fingerprint} on ${verdict.signedAt} (${verdict.hearingTitle}, ${verdict.files} files)`);
  else io.out(`not valid: ${verdict.file ?? '(package)'}: ${verdict.detail}`);
  if (verdict.valid) return exitCodes.ok;
  return verdict.reason === 'unreadable' ? exitCodes.failure : exitCodes.negative;
}

function requiredOption(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

async function documents(io: CliIo, values: Record<string, string | boolean | undefined>): Promise<number> {
  const hearingId = requiredOption(values, 'hearing');
  const out = resolve(requiredOption(values, 'out'));
  const language = values.language === 'en' ? 'en' : 'zh-CN';
  const core = openData(io, values.data as string | undefined);
  try {
    await mkdir(out, { recursive: true });
    for (const kind of documentKinds) {
      try {
        const document = await invoke<GeneratedDocument>(core, 'documents.generate', { hearingId, kind, language });
        await writeFile(join(out, document.fileName), Buffer.from(document.base64, 'base64'));
        io.out(`${document.fileName}\t${document.sha256}`);
      } catch (error) {
        // A document that does not apply yet (no deliberation) is reported and skipped; anything else stops.
        if (!(error instanceof AppError && error.code === 'documents/notAvailable')) throw error;
        io.err(`skipped ${kind}: not available for this hearing yet`);
      }
    }
    return exitCodes.ok;
  } finally {
    core.close();
  }
}

async function exportPackage(io: CliIo, values: Record<string, string | boolean | undefined>): Promise<number> {
  const hearingId = requiredOption(values, 'hearing');
  const out = resolve(requiredOption(values, 'out'));
  const core = openData(io, values.data as string | undefined);
  try {
    const finalization = await invoke<Finalization | null>(core, 'record.finalization', { hearingId });
    if (!finalization) throw new AppError('record/notFinalized', {});
    await copyFile(join(packageDir(core.dataDir, hearingId), finalization.packageName), out, constants.COPYFILE_EXCL);
    io.out(`${out}\t${finalization.manifestSha256}`);
    return exitCodes.ok;
  } finally {
    core.close();
  }
}

async function sample(io: CliIo, values: Record<string, string | boolean | undefined>): Promise<number> {
  const core = openData(io, values.data as string | undefined);
  try {
    const hearing = await invoke<Hearing>(core, 'sample.create', {});
    io.out(`${hearing.id}\t${hearing.title}`);
    return exitCodes.ok;
  } finally {
    core.close();
  }
}

function printSummary(io: CliIo, manifest: BackupManifest): void {
  const summary = summaryOf(manifest);
  const megabytes = (summary.bytes.total / 1024 / 1024).toFixed(1);
  io.out(`created\t${summary.createdAt} (Hearing Desk ${summary.appVersion}, schema ${summary.schemaVersion})`);
  io.out(`hearings\t${summary.counts.hearings} (${summary.counts.finalized} finalized, ${summary.counts.minuteEntries} minutes entries)`);
  io.out(`files\t${summary.counts.evidenceFiles} evidence, ${summary.counts.packageFiles} package files, ${megabytes} MB in all`);
  // The key is the installation's identity: whoever restores this backup seals packages as this office.
  io.out(
    `signing key\t${summary.keyFingerprint ?? '(none yet)'}${summary.keyFingerprint ? ' — the installation’s identity: keep this file as safe as the key itself' : ''}`,
  );
}

async function backup(io: CliIo, values: Record<string, string | boolean | undefined>): Promise<number> {
  const out = resolve(requiredOption(values, 'out'));
  const core = openData(io, values.data as string | undefined);
  try {
    await core.backups.idle();
    printSummary(io, await writeBackup(core.db, core.dataDir, out, { clock: systemClock }));
    io.out(`written\t${out}`);
    return exitCodes.ok;
  } finally {
    core.close();
  }
}

async function backupInfo(io: CliIo, positionals: string[], values: Record<string, string | boolean | undefined>): Promise<number> {
  const [file] = positionals;
  if (!file) throw new UsageError('backup-info needs the path of a backup');
  const manifest = await previewBackup(resolve(file));
  if (values.json) io.out(JSON.stringify(summaryOf(manifest), null, 2));
  else printSummary(io, manifest);
  return exitCodes.ok;
}

/** Never opens the data folder's database: restoring is how a damaged one is replaced. */
async function restore(io: CliIo, positionals: string[], values: Record<string, string | boolean | undefined>): Promise<number> {
  const [file] = positionals;
  if (!file) throw new UsageError('restore needs the path of a backup');
  const result = await restoreBackup(resolve(file), resolve((values.data as string | undefined) ?? defaultDataDir()), systemClock.now());
  printSummary(io, result.manifest);
  io.out(`restored\t${result.dataDir}`);
  if (result.previousData) io.out(`previous data kept in\t${result.previousData}`);
  return exitCodes.ok;
}

/**
 * The way back in when the only administrator forgot the password: whoever
 * holds the laptop's data folder can already read it, so the command line may
 * set a password; the audit log records it. Read from standard input, never
 * from the arguments, so it stays out of the shell's history.
 */
async function resetPassword(io: CliIo, values: Record<string, string | boolean | undefined>): Promise<number> {
  const username = requiredOption(values, 'user');
  const password = (await readFirstLine(io.stdin)).replace(/\r$/, '');
  const core = openData(io, values.data as string | undefined);
  try {
    const user = (await invoke<Operator[]>(core, 'users.list', {})).find((each) => each.username.toLowerCase() === username.toLowerCase());
    if (!user) throw new AppError('users/notFound', { userId: username });
    await invoke(core, 'users.resetPassword', { userId: user.id, password });
    io.out(`password set\t${user.username}\t${user.displayName}`);
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

async function main(io: CliIo, argv: string[]): Promise<number> {
  const { command, values, positionals } = parseCommand(argv);
  if (values.help || command === 'help') {
    io.out(usage);
    return exitCodes.ok;
  }
  switch (command) {
    case 'serve':
      await serve(io, values);
      return -1;
    case 'list':
      return list(io, values);
    case 'verify':
      return verify(io, positionals, values);
    case 'documents':
      return documents(io, values);
    case 'export':
      return exportPackage(io, values);
    case 'sample':
      return sample(io, values);
    case 'backup':
      return backup(io, values);
    case 'backup-info':
      return backupInfo(io, positionals, values);
    case 'restore':
      return restore(io, positionals, values);
    case 'reset-password':
      return resetPassword(io, values);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function reportFailure(io: CliIo, error: unknown): Promise<number> {
  if (error instanceof UsageError) {
    io.err(`hearing-desk: ${error.message}\n\n${usage}`);
  } else if (error instanceof AppError) {
    const t = await createTranslator(resourcesDir, languageFromEnvironment(io.env));
    io.err(`hearing-desk: ${describeError(t, error.toData())}`);
  } else {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    io.err(`hearing-desk: ${code ? `${code}: ` : ''}${error instanceof Error ? error.message : String(error)}`);
  }
  return exitCodes.failure;
}

/**
 * Runs one command and resolves to its exit code, or to -1 for `serve`, which
 * keeps the process running until it is signalled.
 */
export function runCli(argv: string[], io: CliIo): Promise<number> {
  return main(io, argv).catch((error: unknown) => reportFailure(io, error));
}
