import { expect, test } from '@playwright/test';
import {
  CAPPED_AT_TEN,
  HOSTILE_SOURCES,
  SIXTEEN_SLOT_RING,
} from '../src/challenge/hostileSources.fixture';
import {
  WRONG_ROUTERS,
  WRONG_TOKEN_BUCKETS,
} from '../src/challenge/definitions/newChallenges.fixture';
import { MODEL_SOLUTION } from '../src/content/challenge/modelSolution';
import { PREFIX_ROUTER_CONTENT } from '../src/content/challenges/prefixRouter';
import { TOKEN_BUCKET_CONTENT } from '../src/content/challenges/tokenBucket';
import { ChallengePage } from './pages/challenge';
import { PlaygroundPage } from './pages/playground';

const FIXED_WINDOW = `class RateLimiter {
  counts = new Map();
  constructor(maxRequests, windowMs) { this.maxRequests = maxRequests; this.windowMs = windowMs; }
  allowRequest(clientId, timestamp) {
    const key = clientId + '@' + Math.floor(timestamp / this.windowMs);
    const used = this.counts.get(key) ?? 0;
    if (used >= this.maxRequests) return false;
    this.counts.set(key, used + 1);
    return true;
  }
}`;

/** Lets everything through: in the playground, a burst of 6 is then six 200s. */
const NEVER_REFUSES = `class RateLimiter {
  constructor(maxRequests: number, windowMs: number) {}
  allowRequest(clientId: string, timestamp: number): boolean {
    return true;
  }
}`;

const INFINITE_LOOP = `class RateLimiter {
  constructor(maxRequests: number, windowMs: number) {}
  allowRequest(clientId: string, timestamp: number): boolean {
    while (true) {}
  }
}`;

const SYNTAX_ERROR = `class RateLimiter {
  constructor(maxRequests: number, windowMs: number) {}
  allowRequest(clientId: string, timestamp: number): boolean {
    return timestamp >> ;
  }
}`;

test.describe('coding challenge', () => {
  let challenge: ChallengePage;

  test.beforeEach(async ({ page }) => {
    challenge = new ChallengePage(page);
    await challenge.goto();
  });

  test('a correct solution passes every test', async ({ page }) => {
    await challenge.replaceCode(MODEL_SOLUTION);
    await challenge.runWithShortcut();
    await expect(challenge.summary).toContainText('All 12 tests passed', { timeout: 15_000 });
    // The time is reported, not judged here (a busy machine would make that flaky): bench it.
    await expect(challenge.summary).toContainText(/ran in \d+ ms/);
    expect(await challenge.results.getByRole('listitem').count()).toBe(12);
    await expect(page.getByText('Failed', { exact: true })).toHaveCount(0);
    // A pass unlocks the model solution for good: after a reload it is there without a run.
    await page.waitForTimeout(800);
    await page.reload();
    const show = page.getByRole('button', { name: 'Show the model solution' });
    await show.scrollIntoViewIfNeeded();
    await expect(show).toBeEnabled();
    await show.click();
    await expect(page.getByLabel('Model solution code')).toBeVisible();
  });

  test('a fixed-window solution fails with a counterexample', async ({ page }) => {
    await challenge.replaceCode(FIXED_WINDOW);
    await challenge.run();
    await expect(challenge.summary).toContainText('failed', { timeout: 15_000 });
    const random = challenge.result(/randomized comparison/);
    await expect(random).toContainText('Failed');
    await expect(random).toContainText(/Smallest failing sequence \(\d+ calls/);
    // Values read as the words code prints, not as marks.
    await expect(random.getByRole('table')).toContainText(/(true|false) \(differs\)/);
    await expect(random.getByRole('table')).not.toContainText('✓');
    // Replaying runs the learner's limiter with the case's limit; the learner's settings stay.
    const caseText = (await random.textContent()) ?? '';
    const [, max, windowMs] = /maxRequests (\d+), windowMs (\d+)/.exec(caseText) ?? [];
    expect(max).toBeDefined();
    const settings = page.locator('form.limiter-settings');
    const maxField = settings.getByLabel('Max requests per window');
    const windowField = settings.getByLabel('Window (ms)');
    const before = [await maxField.inputValue(), await windowField.inputValue()];
    // A question generated from the settings, answered before the replay, keeps its point.
    const generated = page.locator('[data-question^="predict-fourth"]');
    await generated.getByLabel('200 OK (forwarded to a service)', { exact: true }).check();
    await generated.getByRole('button', { name: /Check/ }).click();
    const progress = page.getByTestId('progress-quiz');
    await expect(progress).toContainText('Quiz: 1 of');
    const quizBefore = await progress.textContent();
    await random.getByRole('button', { name: 'Replay on the graph' }).click();
    await expect(random.getByRole('status')).toContainText('your settings are unchanged');
    await expect(page.locator('.stage-box').filter({ hasText: 'your RateLimiter' })).toContainText(
      `${max} per ${Number(windowMs) / 1000} s`,
    );
    expect([await maxField.inputValue(), await windowField.inputValue()]).toEqual(before);
    await page.getByRole('button', { name: 'Switch back to the built-in limiter' }).click();
    expect([await maxField.inputValue(), await windowField.inputValue()]).toEqual(before);
    await expect(progress).toHaveText(quizBefore ?? '');
  });

  for (const name of [
    'Array.prototype.map and some answer for the reference',
    'the harness built-ins are replaced',
  ]) {
    test(`a solution that hijacks built-ins fails: ${name}`, async () => {
      await challenge.replaceCode(HOSTILE_SOURCES[name] as string);
      await challenge.run();
      await expect(challenge.summary).toContainText('failed', { timeout: 15_000 });
      await expect(challenge.summary).not.toContainText('Passed');
      await expect(challenge.result('basic limit')).toContainText('Failed');
    });
  }

  for (const [name, source] of [
    ['a fixed 16-slot ring', SIXTEEN_SLOT_RING],
    ['Math.min(maxRequests, 10)', CAPPED_AT_TEN],
  ] as const) {
    test(`a capped solution fails on large limits: ${name}`, async () => {
      await challenge.replaceCode(source);
      await challenge.run();
      await expect(challenge.summary).toContainText('failed', { timeout: 15_000 });
      await expect(challenge.result('a limit in the hundreds (500)')).toContainText('Failed');
      await expect(challenge.result(/randomized comparison/)).toContainText(
        /Smallest failing sequence \(\d+ calls, maxRequests (1[1-9]|[2-9]\d)/,
      );
    });
  }

  test('250 console lines of 1 MB do not block the page and show as truncated', async ({
    page,
  }) => {
    await challenge.replaceCode(
      MODEL_SOLUTION.replace(
        'allowRequest(clientId: string, timestamp: number): boolean {',
        'allowRequest(clientId: string, timestamp: number): boolean {\n    if (timestamp < 250) console.log("x".repeat(1_000_000));',
      ),
    );
    await challenge.run();
    await expect(challenge.summary).toContainText('All 12 tests passed', { timeout: 15_000 });
    const logs = challenge.section.locator('details.challenge-logs');
    await expect(logs.locator('summary')).toContainText('truncated');
    await logs.locator('summary').click();
    await expect(logs.locator('pre')).toContainText('characters, cut');
    await expect(logs.locator('pre')).toContainText('more console lines not shown');
    // The page holds tens of kilobytes of output, not 250 MB, and still answers clicks.
    expect(((await logs.locator('pre').textContent()) ?? '').length).toBeLessThan(100_000);
    await challenge.resetButton.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  });

  test('an infinite loop is stopped and the page answers clicks meanwhile', async ({ page }) => {
    await challenge.replaceCode(INFINITE_LOOP);
    await challenge.run();
    await expect(challenge.runButton).toHaveText('Running…');
    // The page is not frozen: the reset dialog opens and closes during the run.
    await challenge.resetButton.click();
    const dialog = page.getByRole('dialog', { name: 'Reset to the starter code?' });
    await expect(dialog).toBeVisible();
    // The safe choice has the focus: Enter or Space keeps the learner's code.
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(challenge.runButton).toHaveText('Running…');
    await expect(challenge.error).toContainText('Stopped after 5 s', { timeout: 15_000 });
    await expect(challenge.error).toContainText('infinite loop');
  });

  test('a syntax error shows its line', async () => {
    await challenge.replaceCode(SYNTAX_ERROR);
    await challenge.run();
    await expect(challenge.section.getByRole('alert')).toContainText('Line 4', { timeout: 15_000 });
  });

  test('code survives a reload and does not run by itself', async ({ page }) => {
    await challenge.replaceCode('class RateLimiter { /* kept after reload */ }');
    await page.waitForTimeout(600); // the draft is saved 400 ms after typing stops
    await page.reload();
    await challenge.section.scrollIntoViewIfNeeded();
    await expect(challenge.editor).toContainText('kept after reload');
    await expect(challenge.summary).toHaveCount(0);
    await expect(challenge.error).toHaveCount(0);
    await expect(challenge.runButton).toHaveText('Run tests');
  });

  test('reset asks first, then restores the starter code', async ({ page }) => {
    await challenge.replaceCode('class Nothing {}');
    await challenge.resetButton.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset' }).click();
    await expect(challenge.editor).toContainText('Write a sliding-window rate limiter');
  });

  test('the playground can run on the learner’s limiter, and switch back', async ({ page }) => {
    await challenge.replaceCode(NEVER_REFUSES);
    await challenge.section
      .getByRole('button', { name: 'Use my limiter in the playground' })
      .click();
    await expect(challenge.section.getByText('Using your limiter in the playground')).toBeVisible();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const playground = new PlaygroundPage(page);
    await expect(playground.graph.getByText('your RateLimiter')).toBeVisible();
    await playground.sendBurst();
    // The learner's code refuses nothing, so the sixth request is not a 429 this time.
    await expect(playground.rows(200)).toHaveCount(6);
    await expect(playground.rows(429)).toHaveCount(0);

    await challenge.section
      .getByRole('button', { name: 'Switch back to the built-in limiter' })
      .click();
    await playground.sendBurst();
    // The built-in limiter starts afresh: five more pass, the sixth is refused.
    await expect(playground.count('all')).toHaveText('12');
    await expect(playground.count(200)).toHaveText('11');
    await expect(playground.count(429)).toHaveText('1');
  });

  for (const [content, wrong] of [
    [TOKEN_BUCKET_CONTENT, WRONG_TOKEN_BUCKETS['refused requests take a token']],
    [PREFIX_ROUTER_CONTENT, WRONG_ROUTERS['no segment boundary']],
  ] as const) {
    test(`${content.title}: the model answer passes, a wrong one fails, progress is kept`, async ({
      page,
    }) => {
      const editor = await challenge.pick(content.title, content.editorLabel);
      await expect(challenge.section).toContainText(content.task.slice(0, 40).replaceAll('`', ''));
      await challenge.replaceCode(content.modelSolution, editor);
      await challenge.run();
      await expect(challenge.summary).toContainText(/All \d+ tests passed/, { timeout: 15_000 });
      await expect(page.getByTestId('progress-challenge')).toHaveText('Challenges: 1 of 3 passed');

      await challenge.replaceCode(wrong as string, editor);
      await challenge.run();
      await expect(challenge.summary).toContainText('failed', { timeout: 15_000 });
      await expect(challenge.result(/randomized comparison/)).toContainText(
        /Smallest failing sequence/,
      );

      // The other challenges keep their own code; this one comes back after a reload.
      await challenge.pick('Sliding window log', 'Your RateLimiter code');
      await expect(challenge.editor).toContainText('Write a sliding-window rate limiter');
      await page.waitForTimeout(600); // drafts are saved 400 ms after typing stops
      await page.reload();
      const again = await challenge.pick(content.title, content.editorLabel);
      await expect(again).toContainText((wrong as string).split('\n')[1]?.trim() ?? '');
      await expect(page.getByTestId('progress-challenge')).toHaveText('Challenges: 1 of 3 passed');
    });
  }
});
