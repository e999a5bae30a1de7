import { recordAudit } from '../audit/log.js';
import type { Clock } from '../clock.js';
import { defaultLanguage, languages, type Language, type Settings } from '../contract/index.js';
import type { Db } from '../db/index.js';
import { readSetting, writeSetting } from '../db/settings.js';
import type { EventBus } from '../events.js';
import type { Handlers } from '../router.js';

function readSettings(db: Db): Settings {
  const stored = readSetting(db, 'language');
  const language = (languages as readonly string[]).includes(stored ?? '') ? (stored as Language) : defaultLanguage;
  return { language };
}

export function settingsHandlers(db: Db, clock: Clock, bus: EventBus): Pick<Handlers, 'settings.get' | 'settings.setLanguage'> {
  return {
    'settings.get': () => readSettings(db),
    'settings.setLanguage': ({ language }, ctx) => {
      const before = readSettings(db);
      db.transaction(() => {
        writeSetting(db, 'language', language);
        recordAudit(db, clock, ctx, { action: 'settings.setLanguage', hearingId: null, before, after: { language } });
      })();
      bus.emit('settings.changed', { language });
      return { language };
    },
  };
}
