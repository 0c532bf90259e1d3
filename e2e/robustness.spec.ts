import type { Page } from '@playwright/test';
import { ALGORITHMS, type AlgorithmName } from '../src/engine';
import { expect, test } from './fixtures';
import { ChallengePage } from './pages/challenge';
import { LessonPage } from './pages/lesson';
import { PlaygroundPage } from './pages/playground';
import { SettingsPage } from './pages/settings';

function labelOf(name: AlgorithmName): string {
  const algorithm = ALGORITHMS.find((a) => a.name === name);
  if (algorithm === undefined) throw new Error(`no algorithm ${name}`);
  return algorithm.label;
}

/** Collects uncaught page errors, so a test can say none happened. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function openSettings(page: Page): Promise<SettingsPage> {
  await page.goto('/');
  const settings = new SettingsPage(page);
  await settings.open();
  return settings;
}

/** The page still does its main job: a burst of 6 gives five 200s and one 429. */
async function expectPlaygroundWorks(page: Page): Promise<void> {
  const playground = new PlaygroundPage(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await playground.sendBurst({ count: '6' });
  await expect(playground.count(200)).toContainText('5');
  await expect(playground.count(429)).toContainText('1');
}

test.describe('settings that would blank or freeze the page', () => {
  test('a limit of 1e12 or 100,000 is refused beside the field, and nothing changes', async ({
    page,
  }) => {
    const errors = pageErrors(page);
    const settings = await openSettings(page);
    for (const maxRequests of ['1e12', '100000']) {
      await settings.apply({ maxRequests });
      await expect(settings.problem('Max requests per window')).toHaveText(
        'Max requests must be at most 10,000. Nothing was changed.',
      );
      await expect(settings.field('Max requests per window')).toHaveAttribute(
        'aria-invalid',
        'true',
      );
      // The typed value stays for the learner to correct.
      await expect(settings.field('Max requests per window')).toHaveValue(maxRequests);
    }
    await expect(page.locator('[data-question^="predict-fourth@5/"]')).toBeVisible();
    await expectPlaygroundWorks(page);
    expect(errors).toEqual([]);
  });

  test('the largest limit applies, and the quiz follows it without a long stall', async ({
    page,
  }) => {
    const settings = await openSettings(page);
    await page.evaluate(() => {
      const longest = { ms: 0 };
      Object.assign(window, { longestTask: longest });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longest.ms = Math.max(longest.ms, entry.duration);
      }).observe({ type: 'longtask' });
    });
    await settings.apply({ maxRequests: '10000' });
    await expect(settings.applied).toContainText('Applied');
    await expect(
      page.locator('[data-question^="predict-unknown-path-after-quota@10000/"]'),
    ).toContainText('10000 requests');
    // A budget, not a timing target: building the questions used to stall the page 2.6 s here.
    const longestMs = await page.evaluate(
      () => (window as unknown as { longestTask: { ms: number } }).longestTask.ms,
    );
    console.log(`longest task after applying a limit of 10,000: ${longestMs} ms`);
    expect(longestMs).toBeLessThan(1000);
  });

  for (const [windowMs, algorithm] of [
    ['1e16', 'sliding-window-counter'],
    ['1e308', 'token-bucket'],
    ['1e308', 'leaky-bucket'],
  ] as const) {
    test(`a window of ${windowMs} ms with ${algorithm} is refused beside the field`, async ({
      page,
    }) => {
      const errors = pageErrors(page);
      const settings = await openSettings(page);
      await settings.apply({ windowMs, algorithm: labelOf(algorithm) });
      await expect(settings.problem('Window (ms)')).toHaveText(
        'Window must be at most 86,400,000 ms (one day). Nothing was changed.',
      );
      await expect(page.getByText(/Infinity|NaN/)).toHaveCount(0);
      await expectPlaygroundWorks(page);
      expect(errors).toEqual([]);
    });
  }
});

test.describe('malformed links', () => {
  for (const hash of ['#%', '#%E0%A4%A', '#term-%E0%A4%A']) {
    test(`opening the page at ${hash} shows the lesson`, async ({ page }) => {
      const errors = pageErrors(page);
      await page.goto(`/${hash}`);
      await expect(page.getByRole('heading', { name: 'How an API gateway works' })).toBeVisible();
      await expectPlaygroundWorks(page);
      expect(errors).toEqual([]);
    });
  }

  test('a malformed hash change later is ignored, and term links still land', async ({ page }) => {
    const errors = pageErrors(page);
    await page.goto('/');
    await page.evaluate(() => {
      window.location.hash = '#term-%E0%A4%A';
    });
    await page.evaluate(() => {
      window.location.hash = '#%';
    });
    await page.goto('/#term-gateway');
    await expect(page.locator('#term-gateway')).toBeVisible();
    await expectPlaygroundWorks(page);
    expect(errors).toEqual([]);
  });
});

test('a section that fails shows a message there, and the rest keeps working', async ({ page }) => {
  // The challenge's code cannot be fetched (a flaky network, a deploy mid-visit).
  await page.route(/\/assets\/ChallengeSection-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/');
  const challenge = page.locator('#challenge');
  await challenge.scrollIntoViewIfNeeded();
  await expect(challenge.getByRole('alert')).toContainText('“Coding challenge” stopped working');
  await expect(challenge.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expectPlaygroundWorks(page);
  await expect(page.getByRole('heading', { name: 'Quiz' })).toBeVisible();
});

test.describe('progress that cannot be saved', () => {
  test('a full storage is said once, and progress can be downloaded and loaded back', async ({
    page,
    browser,
  }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const lesson = new LessonPage(page);
    await lesson.open();
    await lesson.answer('order-of-checks', ['Authenticate, then rate-limit, then route']);
    const notice = page.getByRole('alert').filter({ hasText: 'cannot be saved' });
    await expect(notice).toContainText('storage for this site is full');
    await expect(notice).toHaveCount(1);
    await expectPlaygroundWorks(page);

    const downloading = page.waitForEvent('download');
    await notice.getByRole('button', { name: 'Download progress as a file' }).click();
    const file = await (await downloading).path();

    // Another visit, where saving works: the file brings the answer back.
    const context = await browser.newContext();
    const later = new LessonPage(await context.newPage());
    await later.open();
    await expect(later.page.getByText(/\(0 answered\)/)).toBeVisible();
    await later.progress.getByLabel('Load progress from a file').setInputFiles(file);
    await expect(later.progress).toContainText('Progress loaded from');
    await expect(later.page.getByText(/Score: 1 of \d+ correct \(1 answered\)/)).toBeVisible();
    await later.page.reload();
    await expect(later.page.getByText(/Score: 1 of \d+ correct \(1 answered\)/)).toBeVisible();
    await context.close();
  });

  test('storage turned off is said at once, without a flood of warnings', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const errors = pageErrors(page);
    await page.goto('/');
    await expect(page.getByRole('alert').filter({ hasText: 'cannot be saved' })).toContainText(
      'does not let the page store anything',
    );
    await expectPlaygroundWorks(page);
    // Playing moves the store every frame; none of those frames may warn.
    await page.waitForTimeout(1000);
    expect(warnings.filter((text) => /storage|gateway-playground/i.test(text))).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('progress from a newer version is kept untouched and the learner is told', async ({
    page,
  }) => {
    const newer = JSON.stringify({ state: { experiments: {}, future: true }, version: 99 });
    await page.addInitScript((saved) => {
      if (sessionStorage.getItem('seeded') === null) {
        localStorage.setItem('gateway-playground', saved);
        sessionStorage.setItem('seeded', 'yes');
      }
    }, newer);
    const lesson = new LessonPage(page);
    await lesson.open();
    await expect(page.getByRole('alert').first()).toContainText('newer version of this page');
    await lesson.answer('order-of-checks', ['Authenticate, then rate-limit, then route']);
    await expectPlaygroundWorks(page);
    await page.reload();
    expect(await page.evaluate(() => localStorage.getItem('gateway-playground'))).toBe(newer);
    await expect(page.getByRole('alert').first()).toContainText('newer version of this page');
  });
});

test.describe('Content-Security-Policy of the built page', () => {
  test('the page and the challenge work under it', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const challenge = new ChallengePage(page);
    await challenge.goto();
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
    await challenge.run();
    await expect(challenge.summary).toBeVisible({ timeout: 15_000 });
    await expect(challenge.error).toHaveCount(0);
    expect(violations).toEqual([]);
  });

  test('learner code cannot reach the network', async ({ page, context }) => {
    let reached = 0;
    await context.route('https://example.com/**', (route) => {
      reached++;
      return route.fulfill({ status: 200, body: 'reached' });
    });
    const challenge = new ChallengePage(page);
    await challenge.goto();
    await challenge.replaceCode(`class RateLimiter {
  constructor(maxRequests: number, windowMs: number) {
    const global = Function('return this')();
    global.fetch('https://example.com/leak').catch(() => {});
    try { new global.WebSocket('wss://example.com/leak'); } catch {}
  }
  allowRequest(clientId: string, timestamp: number): boolean {
    return true;
  }
}`);
    await challenge.run();
    await expect(challenge.summary.or(challenge.error)).toBeVisible({ timeout: 15_000 });
    await page.waitForTimeout(500);
    expect(reached).toBe(0);
  });
});
