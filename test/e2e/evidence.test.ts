import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pngChunk } from '../fixtures/png.js';
import { invoke } from './support/api.js';
import { captureForReadme } from './support/browser.js';
import { chooseOption } from './support/select.js';
import { seedReadyHearing } from './support/seed.js';
import { e2eSession } from './support/session.js';
import { sessionHeaders } from './support/operators.js';

const session = e2eSession();

/** A real PNG (8-bit RGB) drawn pixel by pixel: a house front under a sky, standing in for a photo of the property. */
function housePhoto(width = 480, height = 320): Buffer {
  const pixel = (x: number, y: number): [number, number, number] => {
    const inWall = x >= 110 && x < 370 && y >= 110 && y < 290;
    const roof = y >= 50 && y < 110 && Math.abs(x - 240) <= (y - 50) * 2.4 + 10;
    const window = inWall && y >= 140 && y < 200 && ((x >= 140 && x < 200) || (x >= 280 && x < 340));
    const door = inWall && x >= 215 && x < 265 && y >= 200;
    if (window) return [70, 110, 160];
    if (door) return [120, 72, 40];
    if (inWall) return [226, 212, 184];
    if (roof) return [160, 60, 50];
    if (y >= 290) return [96, 140, 80];
    const sky = Math.round((y / 290) * 60);
    return [140 + sky, 190 + sky / 2, 235];
  };
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const start = y * (width * 3 + 1);
    rows[start] = 0;
    for (let x = 0; x < width; x += 1) rows.set(pixel(x, y), start + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with a line of text, as small as a valid one gets. */
function reportPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 58 >>\nstream\nBT /F1 18 Tf 72 760 Td (Valuation report No. 2026-118) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(text.length);
    text += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

interface Entry {
  submitter: string;
  name: string;
  source: string;
  purpose: string;
  form: string;
  pages: number;
  copies: number;
  original: boolean;
  notes?: string;
}

const entries: Entry[] = [
  {
    submitter: '王建平',
    name: '房屋现状照片',
    source: '信访人自行拍摄',
    purpose: '证明被征收房屋的装修及附属设施现状',
    form: '电子数据',
    pages: 6,
    copies: 1,
    original: false,
    notes: '数码照片打印件',
  },
  {
    submitter: '王建平',
    name: '房屋所有权证',
    source: '南宁市不动产登记中心',
    purpose: '证明房屋建筑面积为98.6平方米',
    form: '书证',
    pages: 2,
    copies: 1,
    original: true,
  },
  {
    submitter: '王建平',
    name: '房屋征收评估报告',
    source: '广西正衡房地产评估有限公司',
    purpose: '证明评估单价为每平方米8650元',
    form: '鉴定意见',
    pages: 24,
    copies: 1,
    original: false,
  },
  {
    submitter: '王建平',
    name: '租房合同及租金收据',
    source: '出租人李某出具',
    purpose: '证明搬迁期间实际支出的租房费用',
    form: '书证',
    pages: 5,
    copies: 1,
    original: true,
  },
  {
    submitter: '陈立新',
    name: '房屋征收补偿决定书',
    source: '青秀区人民政府',
    purpose: '证明补偿决定依法作出，补偿标准符合规定',
    form: '书证',
    pages: 4,
    copies: 1,
    original: false,
  },
  {
    submitter: '陈立新',
    name: '入户调查登记表',
    source: '东城街道房屋征收工作组',
    purpose: '证明被征收房屋的面积和装修情况经信访人签字确认',
    form: '书证',
    pages: 3,
    copies: 1,
    original: false,
  },
];

const drawer = (page: Page): Locator => page.locator('.ant-drawer-content-wrapper:visible').last();
const modal = (page: Page): Locator => page.locator('.ant-modal:visible').last();

/** A row of a side's register, by its label (信访人证据1). */
function row(page: Page, label: string): Locator {
  return page.locator('tr.ant-table-row').filter({ has: page.getByText(label, { exact: true }) });
}

async function register(page: Page, entry: Entry, label: string, group?: number): Promise<void> {
  await page.getByRole('button', { name: '登记证据' }).click();
  const form = drawer(page);
  await form.getByText('登记证据', { exact: true }).waitFor();
  const submitter = form.getByLabel('提交人', { exact: true });
  await submitter.fill(entry.submitter);
  await submitter.press('Enter');
  await chooseOption(page, form.getByLabel('证据形式', { exact: true }), entry.form);
  await form.getByLabel('证据名称').fill(entry.name);
  await form.getByLabel('来源').fill(entry.source);
  await form.getByLabel('证明目的（证明对象）').fill(entry.purpose);
  await form.getByLabel('页数', { exact: true }).fill(String(entry.pages));
  await form.getByLabel('份数', { exact: true }).fill(String(entry.copies));
  await form.getByText(entry.original ? '原件' : '复印件', { exact: true }).click();
  if (entry.notes) await form.getByLabel('备注').fill(entry.notes);
  if (group) await form.getByLabel('分组', { exact: true }).fill(String(group));
  // Enter in a one-line field saves.
  await form.getByLabel('来源').press('Enter');
  await page.getByText(`已登记为${label}。`).waitFor();
  await expect.poll(() => row(page, label).innerText()).toContain(entry.name);
}

/** Waits out the confirmations, so a screenshot shows the screen rather than the toasts over it. */
async function quiet(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0);
}

async function attach(page: Page, label: string, path: string, name: string): Promise<void> {
  await page.getByRole('button', { name: `查看${label}` }).click();
  const detail = drawer(page);
  await detail.getByText(label, { exact: true }).waitFor();
  await detail.locator('input[type=file]').setInputFiles(path);
  await detail.getByTestId('exhibit-file').filter({ hasText: name }).waitFor();
}

describe('the clerk registers evidence, shows it on the wall and records the 质证 opinions', () => {
  it('registers six exhibits with files, presents a photo on the display, records both sides’ opinions and prints the lists', async () => {
    const host = await session.host();
    const { hearing, people } = await seedReadyHearing(host.url);
    const page = await session.open(`${host.url}#/hearings/${hearing.id}/evidence`);

    const folder = mkdtempSync(join(tmpdir(), 'hearing-desk-evidence-'));
    const photo = join(folder, '房屋正面照片.png');
    const report = join(folder, '评估报告.pdf');
    writeFileSync(photo, housePhoto());
    writeFileSync(report, reportPdf());

    // Six exhibits through the form: four from the petitioner, two from the agency, numbered per side.
    await page.getByText('信访人尚未提交证据').waitFor();
    const labels = ['信访人证据1', '信访人证据2', '信访人证据3', '信访人证据4', '办理机关证据1', '办理机关证据2'];
    for (const [index, entry] of entries.entries()) await register(page, entry, labels[index] as string);
    const register1 = await row(page, '信访人证据1').innerText();
    for (const text of ['房屋现状照片', '电子数据', '6页 / 1份', '复印件', '王建平', '待质证 0/1']) expect(register1).toContain(text);
    expect(await row(page, '办理机关证据2').innerText()).toContain('陈立新');
    expect(await page.getByTestId('exhibits-petitioner').locator('tr.ant-table-row').count()).toBe(4);
    expect(await page.getByTestId('exhibits-agency').locator('tr.ant-table-row').count()).toBe(2);

    // Before the opening the order can still change: 4 up to 3, and back.
    await page.getByRole('button', { name: '信访人证据4上移' }).click();
    await expect.poll(() => row(page, '信访人证据3').innerText()).toContain('租房合同及租金收据');
    await page.getByRole('button', { name: '信访人证据3下移' }).click();
    await expect.poll(() => row(page, '信访人证据3').innerText()).toContain('房屋征收评估报告');

    // Files: the photo on exhibit 1, the valuation report on exhibit 3, each with its name, size and preview.
    await attach(page, '信访人证据1', photo, '房屋正面照片.png');
    const preview = drawer(page).locator('img[alt="房屋正面照片.png"]');
    await expect.poll(() => preview.evaluate((image: HTMLImageElement) => (image.complete ? image.naturalWidth : 0))).toBe(480);
    expect(await drawer(page).getByTestId('exhibit-file').innerText()).toMatch(/\d+\.\d KB/);
    await page.keyboard.press('Escape');
    await attach(page, '信访人证据3', report, '评估报告.pdf');
    const link = drawer(page).getByRole('link', { name: /评估报告\.pdf/ });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^files\/[0-9a-f]{64}$/);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noreferrer');
    const served = await fetch(new URL(href as string, host.url), { headers: sessionHeaders(host.url) });
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect((await served.text()).startsWith('%PDF-1.4')).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => row(page, '信访人证据1').locator('td').nth(7).innerText()).toContain('1');

    // The hearing opens: numbers are frozen, and the core's refusal is shown.
    await invoke(host.url, 'procedure.start', { hearingId: hearing.id });
    await page.getByRole('button', { name: '信访人证据2上移' }).click();
    await page.getByText('听证已开始，证据编号已固定，不能再调整顺序或删除。').waitFor();

    // 出示: the photo goes up on the wall, large, with its label and name.
    const display = await session.open(`${host.url}#/display/${hearing.id}`);
    await display.getByTestId('display-step').waitFor();
    await page.getByRole('button', { name: '查看信访人证据1' }).click();
    await drawer(page)
      .getByRole('button', { name: /^desktop 出\s*示$/ })
      .click();
    await page.getByText('信访人证据1已在公开显示屏出示。').waitFor();
    await expect.poll(() => display.getByTestId('display-exhibit-label').innerText()).toBe('信访人证据1');
    expect(await display.getByTestId('display-exhibit-name').innerText()).toBe('房屋现状照片');
    const wallImage = display.getByTestId('display-exhibit-image');
    await expect.poll(() => wallImage.evaluate((image: HTMLImageElement) => (image.complete ? image.naturalWidth : 0))).toBeGreaterThan(0);
    const box = await wallImage.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(300);
    await page.keyboard.press('Escape');
    expect(await page.getByText('公开显示屏正在出示：信访人证据1　房屋现状照片').count()).toBe(1);
    await captureForReadme(display, 'public-display-exhibit');

    // 质证: the agency on the petitioner's photo, by keyboard from the register.
    await page.getByRole('button', { name: '对信访人证据1发表质证意见' }).click();
    let dialog = modal(page);
    await dialog.getByText('信访人证据1质证意见').waitFor();
    await expect.poll(() => dialog.getByLabel('发表意见人').evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await dialog.locator('.ant-select-content, .ant-select-selection-item').first().innerText()).toContain('陈立新');
    await dialog.getByRole('radiogroup', { name: '关联性' }).getByText('有异议', { exact: true }).click();
    const relevanceNote = dialog.getByLabel('关联性方面的理由');
    await relevanceNote.fill('照片未标明拍摄时间，不能反映征收时房屋的现状');
    await relevanceNote.press('Enter');
    const agencySentence = '办理机关对信访人证据1的真实性、合法性无异议，对关联性有异议，认为照片未标明拍摄时间，不能反映征收时房屋的现状。';
    await expect.poll(() => row(page, '信访人证据1').innerText()).toContain('已质证 1/1');
    await page.getByTestId('exhibits-petitioner').getByText(agencySentence).waitFor();

    // 质证: the petitioner on the agency's decision, with a partial objection and a word on what it proves.
    await page.getByRole('button', { name: '对办理机关证据1发表质证意见' }).click();
    dialog = modal(page);
    await dialog.getByText('办理机关证据1质证意见').waitFor();
    expect(await dialog.locator('.ant-select-content, .ant-select-selection-item').first().innerText()).toContain('王建平');
    await dialog.getByRole('radiogroup', { name: '合法性' }).getByText('部分异议', { exact: true }).click();
    await dialog.getByLabel('合法性方面的理由').fill('决定书未载明复核程序');
    const purpose = dialog.getByLabel('对证明目的（证明力）的意见');
    await purpose.fill('不能证明补偿标准合理');
    await purpose.press('Enter');
    const petitionerSentence =
      '信访人对办理机关证据1的真实性、关联性无异议，对合法性有部分异议，认为决定书未载明复核程序；关于证明目的，认为不能证明补偿标准合理。';
    await page.getByTestId('exhibits-agency').getByText(petitionerSentence).waitFor();
    expect(await row(page, '办理机关证据1').innerText()).toContain('已质证 1/1');

    // The panel's finding on the title deed.
    await page.getByRole('button', { name: '查看信访人证据2' }).click();
    await drawer(page)
      .getByRole('button', { name: /^audit 认\s*定$/ })
      .click();
    dialog = modal(page);
    await dialog.getByText('采信', { exact: true }).click();
    await dialog.getByLabel('理由').fill('权属证书由登记机关颁发，各方无异议');
    await dialog.getByRole('button', { name: '保存认定' }).click();
    await page.getByText('信访人证据2：采信。').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => row(page, '信访人证据2').innerText()).toContain('采信');

    // Everything is in the record the core keeps.
    const stored = new Map((await invoke(host.url, 'evidence.list', { hearingId: hearing.id })).map((exhibit) => [exhibit.label['zh-CN'], exhibit]));
    expect([...stored.keys()].sort()).toEqual([...labels].sort());
    expect(stored.get('信访人证据1')?.files.map((file) => file.mediaType)).toEqual(['image/png']);
    expect(stored.get('信访人证据3')?.files.map((file) => file.mediaType)).toEqual(['application/pdf']);
    expect(stored.get('信访人证据1')?.examinations[0]?.examinerId).toBe(people['陈立新']?.id);
    expect(stored.get('办理机关证据1')?.examinations[0]?.sentence['zh-CN']).toBe(petitionerSentence);
    expect(stored.get('信访人证据2')?.finding?.finding).toBe('admitted');
    await quiet(page);
    await captureForReadme(page, 'evidence-register');

    // 证据目录: per side, the eight columns, under the matter and the submitter.
    await page.getByText('证据目录', { exact: true }).click();
    const petitionerList = page.getByTestId('catalogue-petitioner');
    await petitionerList.waitFor();
    expect(await petitionerList.getByTestId('catalogue-matter').innerText()).toBe(`案由：${hearing.title}`);
    expect(await petitionerList.getByTestId('catalogue-submitter').innerText()).toBe('提交人：王建平');
    const headers = await petitionerList.locator('thead th').allInnerTexts();
    expect(headers).toEqual(['序号', '证据名称', '来源', '证明对象（证明目的）', '页数/份数', '原件/复印件', '证据形式', '备注']);
    const cells = async (list: Locator) =>
      (await list
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((each) => Array.from(each.querySelectorAll('td'), (cell) => cell.textContent ?? '')))) as string[][];
    expect(await cells(petitionerList)).toEqual([
      ['1', '房屋现状照片', '信访人自行拍摄', '证明被征收房屋的装修及附属设施现状', '6页 / 1份', '复印件', '电子数据', '数码照片打印件'],
      ['2', '房屋所有权证', '南宁市不动产登记中心', '证明房屋建筑面积为98.6平方米', '2页 / 1份', '原件', '书证', ''],
      ['3', '房屋征收评估报告', '广西正衡房地产评估有限公司', '证明评估单价为每平方米8650元', '24页 / 1份', '复印件', '鉴定意见', ''],
      ['4', '租房合同及租金收据', '出租人李某出具', '证明搬迁期间实际支出的租房费用', '5页 / 1份', '原件', '书证', ''],
    ]);
    const agencyList = page.getByTestId('catalogue-agency');
    expect(await agencyList.getByTestId('catalogue-submitter').innerText()).toBe('提交人：陈立新');
    expect((await cells(agencyList)).map((cellsOfRow) => cellsOfRow.slice(0, 2))).toEqual([
      ['1', '房屋征收补偿决定书'],
      ['2', '入户调查登记表'],
    ]);
    await page.getByRole('button', { name: /打印证据目录/ }).waitFor();
    await quiet(page);
    await captureForReadme(page, 'evidence-catalogue');

    // 停止出示: the wall goes back to the hearing.
    await page.getByRole('button', { name: /停止出示/ }).click();
    await expect.poll(() => display.getByTestId('display-exhibit').count()).toBe(0);
    await display.getByTestId('display-step').waitFor();
  });

  it('numbers by group once 分组编号 is chosen, holds uploads to the office’s limit and prints only the chosen columns', async () => {
    const host = await session.host();
    const { hearing, people } = await seedReadyHearing(host.url);
    for (const entry of entries.slice(0, 2)) {
      const { submitter, original, notes: _notes, form: _form, ...fields } = entry;
      await invoke(host.url, 'evidence.add', {
        hearingId: hearing.id,
        submitterId: people[submitter]?.id as string,
        ...fields,
        form: 'documentary',
        isOriginal: original,
      });
    }
    const page = await session.open(`${host.url}#/hearings/${hearing.id}/evidence`);
    await row(page, '信访人证据2').waitFor();

    // 分组编号: the two exhibits form group 1, a third opens group 2 through the form; moves stay within a group.
    await page.getByRole('radiogroup', { name: '编号方式' }).getByText('分组编号', { exact: true }).click();
    await page.getByText('编号方式已改为“分组编号”，各方证据已重新编号。').waitFor();
    await expect.poll(() => row(page, '信访人证据1-2').innerText()).toContain('房屋所有权证');
    await register(page, entries[2] as Entry, '信访人证据2-1', 2);
    expect(await page.getByRole('button', { name: '信访人证据2-1下移' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '信访人证据1-2上移' }).click();
    await expect.poll(() => row(page, '信访人证据1-1').innerText()).toContain('房屋所有权证');

    // The office lowers the file limit; the next upload over it is refused in words that give the limit.
    await page.getByRole('button', { name: '证据文件大小上限：2048 MB，点击修改' }).click();
    const limit = modal(page).getByLabel('单个文件不超过');
    await limit.fill('1');
    await limit.press('Enter');
    await page.getByText('证据文件大小上限已设为 1 MB。').waitFor();
    await page.getByRole('button', { name: '证据文件大小上限：1 MB，点击修改' }).waitFor();
    const recording = join(mkdtempSync(join(tmpdir(), 'hearing-desk-evidence-')), '入户调查录像.mp4');
    writeFileSync(recording, Buffer.alloc(1536 * 1024, 7));
    await page.getByRole('button', { name: '查看信访人证据2-1' }).click();
    await drawer(page).locator('input[type=file]').setInputFiles(recording);
    await page.getByText('“入户调查录像.mp4”超过 1 MB 的大小限制，未添加。').waitFor();
    expect(await drawer(page).getByTestId('exhibit-file').count()).toBe(0);
    await page.keyboard.press('Escape');

    // 证据目录 with 来源 and 备注 left out: on screen, in print, and remembered.
    await page.getByText('证据目录', { exact: true }).click();
    const petitionerList = page.getByTestId('catalogue-petitioner');
    await petitionerList.waitFor();
    const firstCells = () => petitionerList.locator('tbody tr td:first-child').allInnerTexts();
    expect(await firstCells()).toEqual(['1-1', '1-2', '2-1']);
    await page.getByRole('button', { name: /显示的列/ }).click();
    const choice = page.getByTestId('catalogue-columns');
    expect(await choice.getByRole('checkbox', { name: '序号' }).isDisabled()).toBe(true);
    expect(await choice.getByRole('checkbox', { name: '证据名称' }).isDisabled()).toBe(true);
    await choice.getByText('来源', { exact: true }).click();
    await expect.poll(() => petitionerList.locator('thead th').count()).toBe(7);
    await choice.getByText('备注', { exact: true }).click();
    const chosen = ['序号', '证据名称', '证明对象（证明目的）', '页数/份数', '原件/复印件', '证据形式'];
    await expect.poll(() => petitionerList.locator('thead th').allInnerTexts()).toEqual(chosen);
    expect((await petitionerList.locator('tbody tr').first().locator('td').allInnerTexts()).slice(0, 3)).toEqual([
      '1-1',
      '房屋所有权证',
      '证明房屋建筑面积为98.6平方米',
    ]);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('.evidence-catalogue-print [data-testid="catalogue-petitioner"] thead th').allTextContents()).toEqual(chosen);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect((await invoke(host.url, 'settings.get', {})).catalogueColumns).toEqual(['purpose', 'pagesCopies', 'original', 'form']);

    // Once the hearing has started the style is fixed, and the switch says why.
    await invoke(host.url, 'procedure.start', { hearingId: hearing.id });
    await expect.poll(() => page.getByTestId('numbering-frozen').innerText()).toBe('听证已开始，证据编号已固定，编号方式不能再更改。');
    expect(await page.getByRole('radiogroup', { name: '编号方式' }).getByRole('radio', { name: '连续编号' }).isDisabled()).toBe(true);
  });

  it('says so, in words, when a stored file is damaged or missing instead of showing nothing', async () => {
    const host = await session.host();
    const { dataDir } = host;
    const { hearing, people } = await seedReadyHearing(host.url);
    const exhibit = await invoke(host.url, 'evidence.add', {
      hearingId: hearing.id,
      submitterId: people['王建平']?.id as string,
      name: '房屋现状照片',
      form: 'electronic',
    });
    const upload = async (name: string, bytes: Buffer): Promise<string> => {
      const response = await fetch(new URL(`api/files?name=${encodeURIComponent(name)}`, host.url), {
        method: 'POST',
        body: new Uint8Array(bytes),
        headers: sessionHeaders(host.url),
      });
      const result = (await response.json()) as { ok: boolean; value: { sha256: string } };
      expect(result.ok).toBe(true);
      await invoke(host.url, 'evidence.attachFile', { exhibitId: exhibit.id, sha256: result.value.sha256, originalName: name });
      return result.value.sha256;
    };
    const image = await upload('正面.png', housePhoto(64, 48));
    const pdf = await upload('说明.pdf', reportPdf());
    const stored = (sha256: string) => join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2));
    // Damage the photo (same name, other bytes) and lose the PDF, as a failing disk or a careless copy would.
    rmSync(stored(image));
    writeFileSync(stored(image), housePhoto(64, 49));
    rmSync(stored(pdf));

    const page = await session.open(`${host.url}#/hearings/${hearing.id}/evidence`);
    await page.getByRole('button', { name: '查看信访人证据1' }).click();
    const detail = drawer(page);
    const alerts = detail.getByRole('alert');
    await expect
      .poll(() => alerts.allInnerTexts())
      .toEqual([
        `一个已保存的文件（${image}）已损坏：内容与其指纹不符，因此不予显示。请从最近的备份恢复数据文件夹。`,
        `数据文件夹中缺少一个已保存的文件（${pdf}）。请从最近的备份恢复数据文件夹。`,
      ]);
    expect(await detail.getByTestId('exhibit-file').count()).toBe(2);

    // A sensitive exhibit stays off the wall, and the core's refusal is shown as it words it.
    await invoke(host.url, 'evidence.update', { exhibitId: exhibit.id, name: exhibit.name, form: exhibit.form, sensitive: true });
    await detail.getByText('敏感', { exact: true }).waitFor();
    await detail.getByRole('button', { name: /^desktop 出\s*示$/ }).click();
    await page.getByText('该证据不能在公开显示屏上出示（不公开听证或已标记为敏感）。').waitFor();
    expect((await invoke(host.url, 'display.view', { hearingId: hearing.id })).exhibit).toBeNull();
  });
});
