import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingKeys, readLocales } from '../../../scripts/lint/locales.js';
import { errorCodes } from '../../../electron/core/contract/errors.js';
import { languages } from '../../../electron/core/contract/languages.js';

const locales = readLocales(resolve(import.meta.dirname, '../../../resources/locales'));

describe('translations', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(missingKeys(locales)).toEqual([]);
  });

  it('catch a key that exists in one language only', () => {
    const uneven = { 'zh-CN': { common: ['a', 'b'] }, en: { common: ['a'] } };
    expect(missingKeys(uneven)).toEqual(['en lacks common:b']);
  });

  it('name every error code the core can return, in every language', () => {
    for (const language of languages) {
      const keys = new Set(locales[language]?.errors);
      for (const code of errorCodes) expect(keys.has(`code.${code}`), `${language} errors:code.${code}`).toBe(true);
    }
  });
});
