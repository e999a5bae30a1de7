import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { windowAccess } from './accounts/access.js';
import { SignInThrottle } from './accounts/attempts.js';
import { accountHandlers, readLockMinutes } from './accounts/service.js';
import { SessionStore } from './accounts/sessions.js';
import { archiveHandlers } from './archive/service.js';
import { verifyAuditLog } from './audit/log.js';
import { systemClock, type Clock } from './clock.js';
import { openDatabase, type Db } from './db/index.js';
import type { LanInfo, Operator } from './contract/index.js';
import { findUser, operatorOf } from './db/users.js';
import { EventBus } from './events.js';
import { attendanceHandlers } from './attendance/service.js';
import { auditHandlers } from './audit/service.js';
import { automaticBackups, backupHandlers, type AutomaticBackups, type RestoreControl } from './backup/service.js';
import { normalRecoveryHandlers } from './recovery/service.js';
import { calendarHandlers } from './calendar/service.js';
import { storeFiles } from './evidence/files.js';
import { deliberationHandlers } from './deliberation/service.js';
import { documentHandlers } from './documents/service.js';
import { evidenceHandlers } from './evidence/service.js';
import { FileStore } from './files/store.js';
import { hearingHandlers } from './hearings/service.js';
import { minutesHandlers } from './minutes/service.js';
import { participantHandlers } from './participants/service.js';
import { procedureHandlers } from './procedure/service.js';
import { writeMissingEventEntries } from './record/events.js';
import { recusalHandlers } from './recusals/service.js';
import { requestHandlers } from './requests/service.js';
import { sampleHandlers } from './sample/service.js';
import { databaseFileName } from './paths.js';
import { createRouter, type Handlers, type Logger, type Router } from './router.js';
import type { ServiceDeps } from './services.js';
import { settingsHandlers } from './settings/service.js';
import { signingHandlers } from './signing/service.js';
import { statisticsHandlers } from './statistics/service.js';
import { lockGuard } from './finalize/lock.js';
import { finalizeHandlers } from './finalize/service.js';
import { handoverHandlers } from './handover/service.js';
import { loadInstallationKey, type InstallationKey } from './seal/key.js';
import { findSoffice, libreOfficeRenderer, type PdfRenderer } from './seal/pdf.js';
import { loadTemplates, type TemplateProblem } from './templates/load.js';
import { templateHandlers } from './templates/service.js';

export interface CoreOptions {
  dataDir: string;
  resourcesDir: string;
  nativeBinding?: string;
  clock?: Clock;
  logger?: Logger;
  /** The shell that serves the room network says how to reach it; without one, the follow view is off. */
  lanInfo?: () => LanInfo;
  /** Makes the PDFs of a sealed package: by default LibreOffice where it is installed; null for none. */
  pdf?: PdfRenderer | null;
  /** Lent by a shell that can swap its core (core/lifecycle.ts): without it, backup.restore is refused. */
  restoreControl?: RestoreControl;
}

export interface Core {
  router: Router;
  events: EventBus;
  templateProblems: TemplateProblem[];
  /** For tests and maintenance tools; shells talk to the router only. */
  db: Db;
  /** The evidence files beside the database: shells stream uploads into it and serve verified files from it. */
  files: FileStore;
  /** The data folder: shells serve the sealed case packages from it. */
  dataDir: string;
  auditStatus(): ReturnType<typeof verifyAuditLog>;
  /**
   * The operator behind a window's session token when it is signed in and not
   * locked: for the shells' own routes beside the router (file upload and download).
   */
  operatorOf(token: string | undefined): Operator | undefined;
  /** Snapshots after each finalized record and daily; wait for `idle()` before closing. */
  backups: AutomaticBackups;
  close(): void;
}

const consoleLogger: Logger = {
  error: (message, error) => console.error(message, error),
};

interface HandlerOptions {
  dataDir: string;
  sessions: SessionStore;
  throttle: SignInThrottle;
  resourcesDir: string;
  files: FileStore;
  key: () => InstallationKey;
  logger: Logger;
  lanInfo?: () => LanInfo;
  pdf?: PdfRenderer;
  nativeBinding?: string;
  restoreControl?: RestoreControl;
}

/**
 * Every method's handler over one database. Built again with another clock
 * for the sample hearing, which is held at its own date while the app runs.
 */
export function coreHandlers(deps: ServiceDeps, options: HandlerOptions): Handlers {
  const { db, clock, bus: events, templates } = deps;
  const routerFor = (other: Clock) => createRouter(coreHandlers({ ...deps, clock: other }, options), options.logger, lockGuard(db));
  return {
    ...hearingHandlers(deps),
    ...archiveHandlers(deps),
    ...statisticsHandlers(deps),
    ...requestHandlers(deps),
    ...participantHandlers(deps),
    ...attendanceHandlers(deps),
    ...recusalHandlers(deps),
    ...procedureHandlers(deps),
    ...evidenceHandlers(deps, storeFiles(options.files)),
    ...minutesHandlers(deps),
    ...deliberationHandlers(deps),
    ...documentHandlers(deps),
    ...signingHandlers(deps),
    ...finalizeHandlers(deps, { dataDir: options.dataDir, files: options.files, key: options.key, ...(options.pdf ? { pdf: options.pdf } : {}) }),
    ...handoverHandlers(deps, { dataDir: options.dataDir, files: options.files }),
    ...calendarHandlers(deps),
    ...templateHandlers(templates),
    'lan.info': () => options.lanInfo?.() ?? { enabled: false, url: null, qrSvg: null },
    ...settingsHandlers(db, clock, events, options.dataDir),
    ...backupHandlers(
      { db, clock, bus: events, dataDir: options.dataDir, logger: options.logger, nativeBinding: options.nativeBinding },
      options.restoreControl,
    ),
    ...normalRecoveryHandlers,
    ...sampleHandlers({ samplesDir: join(options.resourcesDir, 'samples'), routerFor, clock }),
    ...auditHandlers(db),
    ...accountHandlers({ db, clock, bus: events, sessions: options.sessions, throttle: options.throttle }),
  };
}

/**
 * The print page a renderer loads to make a PDF asks the core for the
 * document like any window; it gets a token good for that alone, for the
 * length of one package's printing.
 */
function withPrintGrant(renderer: PdfRenderer, sessions: SessionStore): PdfRenderer {
  return {
    name: renderer.name,
    async render(documents) {
      const grant = sessions.grant(['documents.generate', 'settings.get'], 30);
      try {
        return await renderer.render(documents.map((document) => ({ ...document, grant })));
      } finally {
        sessions.close(grant);
      }
    },
  };
}

/** Opens a data folder and wires every service to one router: what both shells start from. */
export function openCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, databaseFileName), { nativeBinding: options.nativeBinding });
  const clock = options.clock ?? systemClock;
  const events = new EventBus();
  const { templates, problems } = loadTemplates(join(options.resourcesDir, 'templates'));
  const deps: ServiceDeps = { db, clock, bus: events, templates };
  const files = FileStore.inDataDir(options.dataDir);
  let key: InstallationKey | undefined;
  const installationKey = () => (key ??= loadInstallationKey(options.dataDir));
  writeMissingEventEntries(db, templates);
  const logger = options.logger ?? consoleLogger;
  const sessions = new SessionStore(clock, () => readLockMinutes(db));
  const soffice = options.pdf === undefined ? findSoffice() : undefined;
  const chosen = options.pdf ?? (soffice ? libreOfficeRenderer(soffice) : undefined);
  const pdf = chosen && withPrintGrant(chosen, sessions);
  const { pdf: _chosen, ...rest } = options;
  const handlers = coreHandlers(deps, { ...rest, files, key: installationKey, logger, sessions, throttle: new SignInThrottle(clock), ...(pdf ? { pdf } : {}) });
  const backups = automaticBackups({ db, clock, bus: events, dataDir: options.dataDir, logger, nativeBinding: options.nativeBinding });
  // After the commit, outside the finalize: a backup that fails is reported, it never undoes a finalized record.
  events.on((event) => {
    if (event.name === 'record.finalized') void backups.run('finalized');
  });
  void backups.run('daily');
  return {
    router: createRouter(handlers, logger, lockGuard(db), windowAccess(db, sessions)),
    events,
    templateProblems: problems,
    db,
    files,
    dataDir: options.dataDir,
    auditStatus: () => verifyAuditLog(db),
    operatorOf(token) {
      const session = token === undefined ? undefined : sessions.find(token);
      if (!session?.userId || session.locked) return undefined;
      const user = findUser(db, session.userId);
      return user?.active ? operatorOf(user) : undefined;
    },
    backups,
    close: () => db.close(),
  };
}
