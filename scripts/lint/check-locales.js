import { fileURLToPath } from 'node:url';
import { missingKeys, readLocales } from './locales.js';

const problems = missingKeys(readLocales(fileURLToPath(new URL('../../resources/locales', import.meta.url))));
if (problems.length > 0) {
  console.error(`Translations differ between languages:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Translations: every key exists in every language.');
