import { spawnSync } from 'node:child_process';

/**
 * Regenerates docs/screenshots/*.png from the e2e run itself, so the README
 * shows the screens as they are. Chinese text needs a CJK font on the
 * machine (Debian: fonts-noto-cjk), or it renders as boxes.
 */
const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
if (fonts.status !== 0 || fonts.stdout.trim() === '') {
  console.warn('No Chinese font found (fc-list :lang=zh): install fonts-noto-cjk first, or the screenshots will show boxes.');
}
const run = spawnSync('npx', ['vitest', 'run', '--project', 'e2e'], { stdio: 'inherit', env: { ...process.env, HEARING_DESK_SCREENSHOTS: '1' } });
process.exit(run.status ?? 1);
