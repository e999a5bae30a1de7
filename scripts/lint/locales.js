import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function flatten(value, prefix = '') {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key));
}

/** Reads resources/locales/<language>/<namespace>.json into namespace → flat key list, per language. */
export function readLocales(localesDir) {
  const result = {};
  for (const language of readdirSync(localesDir)) {
    result[language] = {};
    for (const file of readdirSync(join(localesDir, language)).filter((name) => name.endsWith('.json'))) {
      result[language][file.replace(/\.json$/, '')] = flatten(JSON.parse(readFileSync(join(localesDir, language, file), 'utf8')));
    }
  }
  return result;
}

/** Every key that one language has and another lacks, as "<language> lacks <namespace>:<key>". */
export function missingKeys(locales) {
  const languages = Object.keys(locales);
  const problems = [];
  for (const language of languages) {
    for (const other of languages) {
      if (other === language) continue;
      for (const [namespace, keys] of Object.entries(locales[other])) {
        const own = new Set(locales[language][namespace] ?? []);
        for (const key of keys) if (!own.has(key)) problems.push(`${language} lacks ${namespace}:${key}`);
      }
    }
  }
  return problems;
}
