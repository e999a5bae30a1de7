import { stat } from 'node:fs/promises';
import { recordAudit } from '../audit/log.js';
import { writeBackupFolderFile } from '../backup/folder.js';
import type { Clock } from '../clock.js';
import { defaultLanguage, languages, type Language, type Settings } from '../contract/index.js';
import { catalogueColumnChoice, catalogueColumns, defaultEvidenceMaxMegabytes, evidenceMaxMegabytes } from '../contract/settings.js';
import type { Db } from '../db/index.js';
import { readSetting, writeSetting } from '../db/settings.js';
import { AppError } from '../errors.js';
import type { EventBus } from '../events.js';
import type { CallContext, Handlers } from '../router.js';

const megabyte = 1024 * 1024;

/** A stored JSON value, or undefined when it is absent or unreadable (the default then applies). */
function storedJson(db: Db, key: string): unknown {
  const stored = readSetting(db, key);
  if (stored === undefined) return undefined;
  try {
    return JSON.parse(stored);
  } catch {
    return undefined;
  }
}

/** The settings as stored; a value this version cannot read falls back to its default rather than failing every screen. */
export function readSettings(db: Db): Settings {
  const stored = readSetting(db, 'language');
  const language = (languages as readonly string[]).includes(stored ?? '') ? (stored as Language) : defaultLanguage;
  const limit = evidenceMaxMegabytes.safeParse(storedJson(db, 'evidenceMaxMegabytes'));
  const columns = catalogueColumnChoice.safeParse(storedJson(db, 'catalogueColumns'));
  return {
    language,
    evidenceMaxMegabytes: limit.success ? limit.data : defaultEvidenceMaxMegabytes,
    catalogueColumns: columns.success ? columns.data : [...catalogueColumns],
    officeName: readSetting(db, 'officeName') ?? '',
    boldHeadings: readSetting(db, 'boldHeadings') === 'true',
    backupFolder: readSetting(db, 'backupFolder') ?? '',
  };
}

/** The evidence size limit in bytes, read at each upload so a change applies to the next file. */
export function evidenceMaxBytes(db: Db): number {
  return readSettings(db).evidenceMaxMegabytes * megabyte;
}

type SettingsHandlers = Pick<
  Handlers,
  | 'settings.get'
  | 'settings.setLanguage'
  | 'settings.setEvidenceLimit'
  | 'settings.setCatalogueColumns'
  | 'settings.setDocumentLayout'
  | 'settings.setBackupFolder'
>;

export function settingsHandlers(db: Db, clock: Clock, bus: EventBus, dataDir: string): SettingsHandlers {
  /** Stores settings with their audit link in one transaction, then tells every window. */
  function change(ctx: CallContext, action: string, values: Partial<Record<keyof Settings, string>>): Settings {
    const before = readSettings(db);
    db.transaction(() => {
      for (const [key, value] of Object.entries(values)) writeSetting(db, key, value);
      recordAudit(db, clock, ctx, { action, hearingId: null, before, after: readSettings(db) });
    })();
    const after = readSettings(db);
    bus.emit('settings.changed', after);
    return after;
  }

  return {
    'settings.get': () => readSettings(db),
    'settings.setLanguage': ({ language }, ctx) => change(ctx, 'settings.setLanguage', { language }),
    'settings.setEvidenceLimit': ({ megabytes }, ctx) => change(ctx, 'settings.setEvidenceLimit', { evidenceMaxMegabytes: JSON.stringify(megabytes) }),
    'settings.setCatalogueColumns': ({ columns }, ctx) => change(ctx, 'settings.setCatalogueColumns', { catalogueColumns: JSON.stringify(columns) }),
    'settings.setDocumentLayout': ({ officeName, boldHeadings }, ctx) =>
      change(ctx, 'settings.setDocumentLayout', { officeName, boldHeadings: String(boldHeadings) }),
    'settings.setBackupFolder': async ({ folder }, ctx) => {
      if (folder !== '' && !(await stat(folder).catch(() => null))?.isDirectory()) throw new AppError('backup/folderMissing', { folder });
      // The file first: it is what start-up reads when the database cannot be opened.
      await writeBackupFolderFile(dataDir, folder);
      return change(ctx, 'settings.setBackupFolder', { backupFolder: folder });
    },
  };
}
