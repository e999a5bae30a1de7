import globals from 'globals';
import tseslint from 'typescript-eslint';
import hearingDesk from './scripts/lint/plugin.js';

/**
 * Zones (design.md §2): the core runs under plain Node and never sees
 * Electron; only its db folder touches SQLite; the renderer reaches the core
 * through the contract alone.
 */
const electronImport = { name: 'electron', message: 'Only electron/main and electron/preload may import electron: the core must run under plain Node.' };
const sqliteImport = { name: 'better-sqlite3', message: 'Only electron/core/db may import better-sqlite3.' };

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', 'release/**', 'node_modules/**', 'docs/**', 'test/fixtures/lint/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronImport, sqliteImport] }] },
  },
  {
    files: ['electron/core/db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronImport] }] },
  },
  {
    files: ['electron/core/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport, sqliteImport],
          patterns: [
            { group: ['node:*'], message: 'The contract is shared with the renderer: no Node modules.' },
            { group: ['../*'], message: 'The contract is shared with the renderer: it may import only its own files.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronImport, sqliteImport] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'hearing-desk': hearingDesk },
    rules: {
      'hearing-desk/no-literal-jsx-text': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport, sqliteImport],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs sandboxed: no Node modules.' },
            {
              regex: 'electron/core/(?!contract/)',
              message: 'The renderer may import only the contract from the core.',
            },
          ],
        },
      ],
    },
  },
);
