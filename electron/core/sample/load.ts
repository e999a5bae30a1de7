import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleSchema, type Sample } from './schema.js';

export const sampleFileName = 'petition-sample.json';

/** A sample file that does not parse, with every problem named by its place in the file. */
export class SampleFileError extends Error {}

/**
 * Reads the shipped sample. The file is ours, so a problem is a bug in the
 * release; the message says where, so it is found from a log line alone.
 */
export function loadSample(samplesDir: string, fileName = sampleFileName): Sample {
  const path = join(samplesDir, fileName);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SampleFileError(`sample ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = sampleSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
    throw new SampleFileError(`sample ${path} is not valid:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
