import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type Resource, type TFunction } from 'i18next';
import { defaultLanguage, languages, type AppErrorData, type Language } from './contract/index.js';

/**
 * The same translation files as the renderer, for what the core itself says:
 * CLI messages now, documents later.
 */
export async function createTranslator(resourcesDir: string, language: Language = defaultLanguage): Promise<TFunction> {
  const resources: Resource = {};
  for (const lng of languages) {
    const dir = join(resourcesDir, 'locales', lng);
    resources[lng] = Object.fromEntries(
      readdirSync(dir)
        .filter((file) => file.endsWith('.json'))
        .map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, string>]),
    );
  }
  const instance = i18next.createInstance();
  await instance.init({ lng: language, fallbackLng: defaultLanguage, resources, defaultNS: 'common', interpolation: { escapeValue: false } });
  return instance.t;
}

/** One line a person can act on, in their language. */
/** One line: the refusal, then each field's problem (a terminal has no field to mark). */
export function describeError(t: TFunction, error: AppErrorData): string {
  const params = Object.fromEntries(Object.entries(error.params).filter(([, value]) => typeof value !== 'object'));
  const issues = Array.isArray(error.params.issues) ? error.params.issues.map((issue) => t(`errors:${issue.key}`, issue.params)) : [];
  return [t(`errors:code.${error.code}`, params), ...issues].join(' ');
}

export function languageFromEnvironment(env: NodeJS.ProcessEnv = process.env): Language {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return tag.toLowerCase().startsWith('en') ? 'en' : defaultLanguage;
}
