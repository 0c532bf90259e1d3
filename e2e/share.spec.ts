import { ChallengePage } from './pages/challenge';
import { PlaygroundPage } from './pages/playground';
import { expect, test } from './fixtures';

test('a shared link restores the scenario and runs no code', async ({ page, browser }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.root.getByText('Gateway settings (limit, window, algorithm, key check)').click();
  await playground.field('Max requests per window').fill('3');
  await playground.button('Apply settings').click();
  await playground.sendBurst({ count: '4' });
  await expect(playground.gatewayCount(429)).toHaveText('429: 1');
  await playground.field('Path').fill('/api/orders');
  const clock = await playground.clockSeconds();
  // Code the learner chose to share: if it ever ran, the sandbox would start a worker.
  const challenge = new ChallengePage(page);
  await challenge.section.scrollIntoViewIfNeeded();
  await challenge.replaceCode(
    'export class RateLimiter { constructor() { throw new Error("ran"); } }',
  );
  // The editor saves the draft 400 ms after the last keystroke.
  await page.waitForTimeout(600);
  await playground.root.getByText('Share', { exact: true }).click();
  await playground.root.getByLabel('include my challenge code').check();
  await playground.button('Copy link').click();
  const link = await playground.root.getByLabel('Link to this scenario').inputValue();
  expect(link).toContain('?scenario=');

  // Someone else opens it, at a section anchor.
  const other = await browser.newContext({ reducedMotion: 'reduce' });
  const theirPage = await other.newPage();
  const workers: string[] = [];
  theirPage.on('worker', (worker) => workers.push(worker.url()));
  const theirs = new PlaygroundPage(theirPage);
  await theirPage.goto(`${link}#model`);
  await expect(theirs.root.getByText(/Scenario from the link restored/)).toBeVisible();
  expect(new URL(theirPage.url()).hash).toBe('#model');
  await expect(theirs.gatewayCount(200)).toHaveText('200: 3');
  await expect(theirs.gatewayCount(429)).toHaveText('429: 1');
  expect(await theirs.clockSeconds()).toBeCloseTo(clock, 1);
  await expect(theirs.field('Path')).toHaveValue('/api/orders');
  await expect(theirs.field('Max requests per window')).toHaveValue('3');
  // The code is offered, not run, and not put in their editor unless they say so.
  await expect(theirs.root.getByText(/This link also holds code/)).toBeVisible();
  const theirChallenge = new ChallengePage(theirPage);
  await theirChallenge.section.scrollIntoViewIfNeeded();
  await expect(theirChallenge.editor).toBeVisible();
  await expect(theirChallenge.editor).not.toContainText('throw new Error("ran")');
  await theirs.button('Put it in the challenge editor (replaces your draft)').click();
  await expect(theirChallenge.editor).toContainText('throw new Error("ran")');
  await theirPage.waitForTimeout(500);
  // The algorithm lab runs engine code in a worker of its own when scrolled near; no learner code.
  expect(workers.filter((url) => !url.includes('lab.worker'))).toEqual([]);
  await other.close();
});

test('a malformed link says so and loads the default playground', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await page.goto('/?scenario=eyJ2IjoxLCJzdCI6#terms');
  await expect(playground.root.getByRole('alert')).toContainText(
    'could not be opened (the link is cut or garbled)',
  );
  await expect(playground.gatewayCount(200)).toHaveText('200: 0');
  await expect(playground.button('Send burst')).toBeVisible();
  await playground.sendBurst();
  await expect(playground.gatewayCount(429)).toHaveText('429: 1');
});
