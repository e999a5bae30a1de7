import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: repoRoot });

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(repoRoot, filePath) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('zone rules', () => {
  it('fail when the core imports electron', async () => {
    expect(await ruleIdsFor("import { app } from 'electron';\nexport const name = app.name;\n", 'electron/core/hearings/leak.ts')).toContain(
      'no-restricted-imports',
    );
  });

  it('fail when the core requires electron the CommonJS way', async () => {
    expect(await ruleIdsFor("import electron = require('electron');\nexport const name = electron;\n", 'electron/core/leak.ts')).toContain(
      'no-restricted-imports',
    );
  });

  it('fail when a service outside core/db imports better-sqlite3', async () => {
    expect(await ruleIdsFor("import Database from 'better-sqlite3';\nexport const open = Database;\n", 'electron/core/hearings/raw.ts')).toContain(
      'no-restricted-imports',
    );
  });

  it('let core/db import better-sqlite3', async () => {
    expect(await ruleIdsFor("import Database from 'better-sqlite3';\nexport const open = Database;\n", 'electron/core/db/extra.ts')).toEqual([]);
  });

  it('let the main process import electron', async () => {
    expect(await ruleIdsFor("import { app } from 'electron';\nexport const name = app.name;\n", 'electron/main/extra.ts')).toEqual([]);
  });

  it('fail when the renderer reaches into the core beyond the contract', async () => {
    const code = "import { openCore } from '../../../electron/core/app.js';\nexport const x = openCore;\n";
    expect(await ruleIdsFor(code, 'renderer/src/features/leak.ts')).toContain('no-restricted-imports');
    const contract = "import { methods } from '../../../electron/core/contract/index.js';\nexport const x = methods;\n";
    expect(await ruleIdsFor(contract, 'renderer/src/features/fine.ts')).toEqual([]);
  });

  it('fail when the contract imports Node', async () => {
    expect(await ruleIdsFor("import { createHash } from 'node:crypto';\nexport const h = createHash;\n", 'electron/core/contract/leak.ts')).toContain(
      'no-restricted-imports',
    );
  });
});

describe('the i18n rule', () => {
  it('fails on literal Chinese or English text in JSX', async () => {
    expect(await ruleIdsFor('export const A = () => <p>新建听证</p>;\n', 'renderer/src/leak.tsx')).toContain('hearing-desk/no-literal-jsx-text');
    expect(await ruleIdsFor('export const A = () => <input placeholder="Name" />;\n', 'renderer/src/leak.tsx')).toContain('hearing-desk/no-literal-jsx-text');
  });

  it('allows translated text and punctuation', async () => {
    const code = "declare const t: (key: string) => string;\nexport const A = () => <p>{t('actions.create')} · </p>;\n";
    expect(await ruleIdsFor(code, 'renderer/src/fine.tsx')).toEqual([]);
  });
});
