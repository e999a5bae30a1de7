import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../../electron/core/templates/load.js';
import { resourcesDir, tempDir } from '../support/core.js';

const bundled = join(resourcesDir, 'templates');

function folderWith(files: Record<string, string>): string {
  const dir = tempDir('hearing-desk-templates-');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(bundled, 'petition.json'), join(dir, 'petition.json'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('hearing templates', () => {
  it('ships the five hearing types with 信访听证 first and as the default', () => {
    const { templates, problems } = loadTemplates(bundled);
    expect(problems).toEqual([]);
    expect(templates.map((template) => template.name['zh-CN'])).toEqual(['信访听证', '行政处罚听证', '征收补偿方案听证', '价格听证', '检察听证']);
    expect(templates.filter((template) => template.isDefault).map((template) => template.id)).toEqual(['petition']);
  });

  it('reports a broken template by file and field and keeps the others', () => {
    const dir = folderWith({
      'broken.json': JSON.stringify({ schemaVersion: 1, id: 'broken', name: { 'zh-CN': '残缺模板' }, legalBasis: { 'zh-CN': '无', en: 'none' } }),
    });
    const { templates, problems } = loadTemplates(dir);
    expect(templates.map((template) => template.id)).toEqual(['petition']);
    expect(problems).toEqual([expect.objectContaining({ file: 'broken.json', field: 'name.en' })]);
  });

  it('reports a file that is not JSON', () => {
    const { problems } = loadTemplates(folderWith({ 'half.json': '{ "id": "half", ' }));
    expect(problems).toEqual([expect.objectContaining({ file: 'half.json', field: '' })]);
  });

  it('refuses a second template with the same id', () => {
    const { templates, problems } = loadTemplates(
      folderWith({
        'zz-copy.json': JSON.stringify({ schemaVersion: 1, id: 'petition', name: { 'zh-CN': '副本', en: 'Copy' }, legalBasis: { 'zh-CN': '无', en: 'none' } }),
      }),
    );
    expect(templates).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ file: 'zz-copy.json', field: 'id' })]);
  });
});
