import { z } from 'zod';
import { mutation, query, returns } from './define.js';
import { languages, type Language } from './languages.js';

export interface Settings {
  language: Language;
}

export const settingsMethods = {
  'settings.get': query(z.object({}).strict(), returns<Settings>(), 'The installation-wide settings.'),
  'settings.setLanguage': mutation(
    z.object({ language: z.enum(languages, 'validation.invalidOption') }).strict(),
    returns<Settings>(),
    'Remembers the language of the interface.',
  ),
} as const;

export const settingsEvents = {
  'settings.changed': z.object({ language: z.enum(languages) }),
} as const;
