import { expect, test } from '@playwright/test';

test('the lesson burst: five requests pass and the sixth is rate limited', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Send burst' }).click();
  const log = page.getByRole('list', { name: 'Request log' });
  await expect(log.locator('[data-status]')).toHaveCount(6);
  await expect(log.locator('[data-status="200"]')).toHaveCount(5);
  await expect(log.locator('[data-status="429"]')).toHaveCount(1);
});
