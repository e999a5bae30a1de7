import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Confirms 归档; a click that lands while the dialog is still opening is lost on a loaded machine, so it is given again while the dialog stays. */
export async function confirmFinalize(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ hasText: '归档后本听证将永久锁定' });
  const confirm = dialog.getByRole('button', { name: '确认归档' });
  await confirm.waitFor();
  await expect
    .poll(
      async () => {
        if (await dialog.isVisible()) await confirm.click({ timeout: 2000 }).catch(() => {});
        return page.getByTestId('record-package').count();
      },
      { timeout: 60_000 },
    )
    .toBe(1);
}

/** Hands a package file to the 核验案卷 screen's drop zone. */
export async function verifyFile(page: Page, path: string): Promise<void> {
  await page.getByTestId('verify-drop').locator('input[type=file]').setInputFiles(path);
}
