import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { verifyAuditLog } from './audit/log.js';
import { systemClock, type Clock } from './clock.js';
import { openDatabase, type Db } from './db/index.js';
import type { LanInfo } from './contract/index.js';
import { EventBus } from './events.js';
import { attendanceHandlers } from './attendance/service.js';
import { auditHandlers } from './audit/service.js';
import { automaticBackups, backupHandlers, type AutomaticBackups } from './backup/service.js';
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
import { lockGuard } from './finalize/lock.js';
import { finalizeHandlers } from './finalize/service.js';
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
  /** Snapshots after each finalized record and daily; wait for `idle()` before closing. */
  backups: AutomaticBackups;
  close(): void;
}

const consoleLogger: Logger = {
  error: (message, error) => console.error(message, error),
};

interface HandlerOptions {
  dataDir: string;
  resourcesDir: string;
  files: FileStore;
  key: () => InstallationKey;
  logger: Logger;
  lanInfo?: () => LanInfo;
  pdf?: PdfRenderer;
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
    ...calendarHandlers(deps),
    ...templateHandlers(templates),
    'lan.info': () => options.lanInfo?.() ?? { enabled: false, url: null, qrSvg: null },
    ...settingsHandlers(db, clock, events, options.dataDir),
    ...backupHandlers({ db, clock, bus: events, dataDir: options.dataDir, logger: options.logger }),
    ...sampleHandlers({ samplesDir: join(options.resourcesDir, 'samples'), routerFor, clock }),
    ...auditHandlers(db),
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
  const soffice = options.pdf === undefined ? findSoffice() : undefined;
  const pdf = options.pdf ?? (soffice ? libreOfficeRenderer(soffice) : undefined);
  const { pdf: _chosen, ...rest } = options;
  const handlers = coreHandlers(deps, { ...rest, files, key: installationKey, logger, ...(pdf ? { pdf } : {}) });
  const backups = automaticBackups({ db, clock, bus: events, dataDir: options.dataDir, logger });
  // After the commit, outside the finalize: a backup that fails is reported, it never undoes a finalized record.
  events.on((event) => {
    if (event.name === 'record.finalized') void backups.run('finalized');
  });
  void backups.run('daily');
  return {
    router: createRouter(handlers, logger, lockGuard(db)),
    events,
    templateProblems: problems,
    db,
    files,
    dataDir: options.dataDir,
    auditStatus: () => verifyAuditLog(db),
    backups,
    close: () => db.close(),
  };
}
