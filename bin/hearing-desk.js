#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../build/electron/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('hearing-desk: not built yet; run `npm run build` first.');
  process.exit(2);
}
await import(entry.href);
