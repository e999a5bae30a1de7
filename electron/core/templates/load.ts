import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { templateSchema, type HearingTemplate } from './schema.js';

/** What is wrong with one template file, precisely enough for an office to fix it by hand. */
export interface TemplateProblem {
  file: string;
  field: string;
  message: string;
}

export interface LoadedTemplates {
  templates: HearingTemplate[];
  problems: TemplateProblem[];
}

/**
 * Reads every template in a folder. A broken file is reported and skipped,
 * never fatal: one bad template must not keep the clerk from the others.
 */
export function loadTemplates(dir: string): LoadedTemplates {
  const templates: HearingTemplate[] = [];
  const problems: TemplateProblem[] = [];
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      problems.push({ file, field: '', message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const parsed = templateSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ file, field: issue.path.map(String).join('.'), message: issue.message });
      }
      continue;
    }
    if (templates.some((template) => template.id === parsed.data.id)) {
      problems.push({ file, field: 'id', message: `duplicate template id "${parsed.data.id}"` });
      continue;
    }
    templates.push(parsed.data);
  }
  templates.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  return { templates, problems };
}
