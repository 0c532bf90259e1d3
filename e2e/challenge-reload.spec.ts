import { expect, test, type Page } from '@playwright/test';
import { ChallengePage } from './pages/challenge';

/** Waits for the browser to draw `count` frames. */
async function frames(page: Page, count: number): Promise<void> {
  await page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  }, count);
}

test('on a fresh page (as after a reload) the challenge a learner goes straight to stays in place, and their pick gets its editor', async ({
  page,
}) => {
  await page.goto('/');
  const challenge = new ChallengePage(page);
  const radio = challenge.section.getByRole('radio', { name: /^Token bucket/ });
  await radio.waitFor({ state: 'attached' });
  const quiz = page.locator('section#quiz');
  // One scroll that puts the picker 300 px from the top, the quiz's last lines above it: the
  // sections above have never been laid out and stand at their estimated height.
  const top = await radio.evaluate((element) => {
    window.scrollBy(0, element.getBoundingClientRect().top - 300);
    return element.getBoundingClientRect().top;
  });
  expect(top).toBeCloseTo(300, -1);
  await frames(page, 3);
  // The quiz near the view now has its real height, and the picker did not move with it.
  expect(await quiz.evaluate((element) => element.getBoundingClientRect().height)).not.toBe(900);
  const after = await radio.evaluate((element) => element.getBoundingClientRect().top);
  expect(Math.abs(after - top)).toBeLessThan(20);

  await radio.click();
  await expect(radio).toBeChecked();
  await expect(
    challenge.section.getByRole('textbox', { name: 'Your TokenBucket code' }),
  ).toBeVisible();
});
