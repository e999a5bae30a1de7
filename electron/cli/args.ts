import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export interface ParsedCommand {
  command: string;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

const options = {
  data: { type: 'string' },
  hearing: { type: 'string' },
  user: { type: 'string' },
  out: { type: 'string' },
  language: { type: 'string' },
  port: { type: 'string' },
  lan: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseCommand(argv: string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const [command = 'help', ...positionals] = parsed.positionals;
  return { command, values: parsed.values, positionals };
}

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${value}"`);
  return port;
}
