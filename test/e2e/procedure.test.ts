import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cast } from '../fixtures/people.js';
import { invoke } from './support/api.js';
import { captureForReadme } from './support/browser.js';
import { seedReadyHearing } from './support/seed.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();

/** The seconds left on a clock such as "2:41" or "−0:05". */
function seconds(text: string): number {
  const match = /(−?)(\d+):(\d{2})/.exec(text);
  if (!match) return Number.NaN;
  const value = Number(match[2]) * 60 + Number(match[3]);
  return match[1] ? -value : value;
}

async function currentStep(page: Page): Promise<string> {
  return (await page.locator('[aria-current="step"]').innerText()).split('\n').join(' ');
}

describe('the clerk runs the whole hearing from the console, and the display follows', () => {
  it('goes through every default step with speakers and a 休会/复会, by keyboard, with the display in step', async () => {
    const host = await session.host();
    const { hearing } = await seedReadyHearing(host.url);
    const clerk = await session.open(`${host.url}#/hearings/${hearing.id}/procedure`);
    const display = await session.open(`${host.url}#/display/${hearing.id}`);
    const displayText = () => display.locator('body').innerText();

    await expect.poll(displayText).toContain('听证即将开始');
    await clerk.getByRole('button', { name: '开始听证' }).waitFor();
    await clerk.locator('body').press('n');
    await expect.poll(() => currentStep(clerk)).toContain('签到');

    // Walk to the petitioner's statement.
    while (!(await currentStep(clerk)).includes('信访人陈述')) {
      const before = await currentStep(clerk);
      await clerk.locator('body').press('n');
      await expect.poll(() => currentStep(clerk)).not.toBe(before);
    }
    await expect.poll(displayText).toContain('信访人陈述');

    // Speakers: the petitioner, then the agency, given the floor from the queue with F.
    const queueSelect = clerk.getByLabel('加入发言队列');
    for (const name of ['王建平', '陈立新']) {
      await queueSelect.click();
      await queueSelect.fill(name);
      await queueSelect.press('Enter');
      await expect.poll(() => clerk.getByText(new RegExp(`1\\. ${name}|2\\. ${name}`)).count()).toBe(1);
    }
    await clerk.locator('body').press('f');
    await expect.poll(displayText).toContain('王建平');
    const first = seconds(await display.getByRole('timer').innerText());
    expect(first).toBeGreaterThan(170);
    await expect.poll(async () => seconds(await display.getByRole('timer').innerText())).toBeLessThan(first);
    await captureForReadme(clerk, 'procedure-console');
    await captureForReadme(display, 'public-display-speaking');
    const displayed = await displayText();
    for (const person of [cast.petitioner, ...cast.representatives]) {
      expect(displayed).not.toContain(person.idNumber);
      if (person.phone) expect(displayed).not.toContain(person.phone);
    }

    // 休会 and 复会
    await clerk.getByRole('button', { name: /^休\s*会$/ }).click();
    await clerk
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect.poll(displayText).toContain('休会中');
    await clerk.getByRole('button', { name: /^复\s*会$/ }).click();
    await expect.poll(displayText).not.toContain('休会中');

    await clerk.locator('body').press('f');
    await expect.poll(displayText).toContain('陈立新');

    // On to the end: 评议 shows only 评议中 on the wall.
    for (;;) {
      const before = await currentStep(clerk);
      if (before.includes('宣布听证结束')) break;
      await clerk.locator('body').press('n');
      await expect.poll(() => currentStep(clerk)).not.toBe(before);
      if ((await currentStep(clerk)).includes('评议')) await expect.poll(displayText).toContain('评议中');
    }
    await clerk.locator('body').press('n');
    await expect.poll(displayText).toContain('听证结束');
    const view = await invoke(host.url, 'procedure.view', { hearingId: hearing.id });
    expect(view.state).toBe('closed');
    expect(view.steps.every((step) => step.status === 'done')).toBe(true);
  });

  it('keeps the same step and the speaker’s remaining time across a restart of the host', async () => {
    const first = await session.host();
    const { dataDir } = first;
    const { hearing, people } = await seedReadyHearing(first.url);
    await invoke(first.url, 'procedure.start', { hearingId: hearing.id });
    for (let i = 0; i < 7; i += 1) await invoke(first.url, 'procedure.next', { hearingId: hearing.id });
    await invoke(first.url, 'speakers.giveFloor', { hearingId: hearing.id, participantId: people['王建平']?.id });
    const display = await session.open(`${first.url}#/display/${hearing.id}`);
    await expect.poll(async () => seconds(await display.getByRole('timer').innerText())).toBeLessThan(180);
    const before = { left: seconds(await display.getByRole('timer').innerText()), at: Date.now() };
    const stepBefore = (await invoke(first.url, 'procedure.view', { hearingId: hearing.id })).currentStepId;

    await first.stop('SIGKILL');
    const second = await session.host(dataDir);
    const again = await session.open(`${second.url}#/display/${hearing.id}`);
    await again.getByRole('timer').waitFor();
    const after = { left: seconds(await again.getByRole('timer').innerText()), at: Date.now() };
    expect((await invoke(second.url, 'procedure.view', { hearingId: hearing.id })).currentStepId).toBe(stepBefore);
    const expected = before.left - (after.at - before.at) / 1000;
    expect(Math.abs(after.left - expected)).toBeLessThanOrEqual(1.5);
  });
});
