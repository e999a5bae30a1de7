import { constants } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { openCore, type Core } from '../core/app.js';
import { documentKinds, type Finalization, type GeneratedDocument, type Hearing, type LanInfo } from '../core/contract/index.js';
import { packageDir } from '../core/finalize/service.js';
import { verifyPackage } from '../core/seal/verify.js';
import { AppError } from '../core/errors.js';
import { createTranslator, describeError, languageFromEnvironment } from '../core/i18n.js';
import { defaultDataDir, findAppRoot } from '../core/paths.js';
import { createLanToken, lanInfoFor, terminalQrCode } from '../host/lan.js';
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

--data defaults to ~/.hearing-desk. Exit codes: 0 success, 1 a negative answer, 2 usage or I/O error.`;

/** Exit codes the CLI promises: scripts depend on them. */
export const exitCodes = { ok: 0, negative: 1, failure: 2 } as const;

const appRoot = findAppRoot(import.meta.url);
const resourcesDir = resolve(appRoot, 'resources');

function openData(dir: string | undefined, lanInfo?: () => LanInfo): Core {
  return openCore({ dataDir: resolve(dir ?? defaultDataDir()), resourcesDir, lanInfo });
}

async function serve(values: Record<string, string | boolean | undefined>): Promise<void> {
  const port = parsePort(values.port as string | undefined, 5199);
  const lan = values.lan ? { token: createLanToken() } : undefined;
  // Known once the host listens (the port may be 0); computed once, answered by lan.info.
  let lanInfo: LanInfo = { enabled: true, url: null, qrSvg: null };
  const core = openData(values.data as string | undefined, lan ? () => lanInfo : undefined);
  for (const problem of core.templateProblems) {
    console.error(`template ${problem.file}: ${problem.field || '(file)'}: ${problem.message}`);
  }
  const host = await startHost({ core, staticDir: staticDirFor(appRoot), port, actor: 'host', lan });
  console.log(`Hearing Desk is serving at ${host.url}`);
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
    void host.close().then(() => {
      core.close();
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
