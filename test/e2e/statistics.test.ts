import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/app.js';
import type { MethodInput, MethodName, MethodOutput } from '../../electron/core/contract/index.js';
import { officeYearCoreHost, planOfficeYear, seedOfficeYear } from '../fixtures/office-year.js';
import { captureForReadme } from './support/browser.js';
import { freshDataDir } from './support/host.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();
const resourcesDir = new URL('../../resources', import.meta.url).pathname;

/** Sixty hearings of the city's year, held at their own dates: seeded in this process on a clock it moves, then served by the host. */
const plans = planOfficeYear(resourcesDir, { count: 60, seed: 4417, finalized: 0 });

async function seededDataDir(): Promise<string> {
  const dataDir = freshDataDir();
  let now = Date.parse('2025-12-15T01:00:00.000Z');
  const clock = { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
  const core = openCore({ dataDir, resourcesDir, clock, pdf: null, logger: { error: (message, error) => console.error(message, error) } });
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await core.router.invoke(method, input, { actor: 'seed' });
    if (!result.ok) throw new Error(`${method} refused: ${JSON.stringify(result.error)}`);
    return result.value as MethodOutput<M>;
  };
  try {
    await seedOfficeYear(officeYearCoreHost({ ok: call, files: core.files }, clock), plans);
  } finally {
    await core.backups.idle();
    core.close();
  }
  return dataDir;
}

describe('the statistics dashboard', () => {
  it('shows the figures, follows the filter, and downloads the 台账 of the hearings it counts', async () => {
    const host = await session.host(await seededDataDir());
    const page = await session.open(`${host.url}#/statistics`);
    const hearings = page.getByTestId('figure-hearings-value');
    await expect.poll(() => hearings.innerText()).toBe('60');
    const asked = plans.filter((plan) => plan.satisfaction).length;
    const accepted = plans.filter((plan) => plan.satisfaction?.acceptsConclusion === 'yes').length;
    expect(await page.getByTestId('figure-acceptance-counts').innerText()).toBe(`${accepted} / ${asked}`);
    await expect.poll(() => page.getByRole('img', { name: /每月听证数柱状图/ }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: '统计', exact: true }).getAttribute('href')).toBe('#/statistics');
    await captureForReadme(page, 'statistics');

    // The 西乡塘 bureau's hearings only, as the archive's organizer filter narrows them.
    const bureau = plans.filter((plan) => plan.input.organizer.includes('西乡塘'));
    await page.getByLabel('组织机关').fill('西乡塘');
    await expect.poll(() => hearings.innerText()).toBe(String(bureau.length));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出台账 (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^听证台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ledger = workbook.getWorksheet('台账') as ExcelJS.Worksheet;
    expect(ledger.getCell('B2').value).toBe('事项编号/案号');
    expect(ledger.rowCount).toBe(2 + bureau.length);
    const matterNos = Array.from({ length: bureau.length }, (_, index) => ledger.getRow(index + 3).getCell(2).value);
    expect(new Set(matterNos)).toEqual(new Set(bureau.map((plan) => plan.input.matterNo)));

    await page.getByLabel('组织机关').fill('不存在的机关');
    await expect.poll(() => page.getByTestId('statistics-empty').innerText()).toContain('没有符合筛选条件的听证');
    expect(await page.getByRole('button', { name: '导出台账 (.xlsx)' }).isDisabled()).toBe(true);
  }, 180_000);
});
