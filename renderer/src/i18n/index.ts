import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, languages, type Language } from '../../../electron/core/contract/index.js';

const files = import.meta.glob<Record<string, unknown>>('../../../resources/locales/*/*.json', { eager: true, import: 'default' });

function buildResources(): Resource {
  const resources: Resource = {};
  for (const [path, content] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language, namespace] = match as unknown as [string, string, string];
    resources[language] = { ...resources[language], [namespace]: content as Record<string, string> };
  }
  return resources;
}

export function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
}

export async function initI18n(language: Language = defaultLanguage): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    resources: buildResources(),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    // A key with no text in either language is a bug: say so where tests listen (the e2e suite fails on it).
    saveMissing: true,
    missingKeyHandler: (lngs, namespace, key) => console.error(`missing translation: ${namespace}:${key} (${lngs.join(', ')})`),
  });
  document.documentElement.lang = language;
  return i18next;
}
