import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Picks an option of an Ant Design select: its list lives outside the form, in a popup. */
export async function chooseOption(page: Page, field: Locator, option: string | RegExp): Promise<void> {
  await field.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
  const open = () => page.locator('.ant-select-dropdown:visible').count();
  try {
    await expect.poll(open, { timeout: 3000 }).toBe(0);
  } catch {
    // On a loaded machine the popup can miss its closing animation; leaving the field closes it as a clerk's Tab would.
    await field.press('Tab');
    await expect.poll(open).toBe(0);
  }
}
