import { expect, test } from '@playwright/test';
import { IDLE_LOAD_MARK } from '../src/components/lazy/whenIdle';
import { FIRST_LOAD_JS_BUDGET_BYTES, jsFetched } from './firstLoadJs';

/** The first screen's JavaScript stays within budget, and the code editor is not part of it. */
test('first visit fetches at most 150 KB of JS (gzip), and no editor until the challenge', async ({
  page,
}) => {
  await page.goto('/');
  await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark).length > 0,
    IDLE_LOAD_MARK,
  );
  // The rest of the page loads in idle time: wait for it, it must not pull in the editor.
  await expect(page.getByRole('button', { name: 'Send burst' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const js = await jsFetched(page);
  const firstLoad = js.files.filter((f) => f.firstLoad).map((f) => new URL(f.url).pathname);
  expect(firstLoad.length, 'the first screen fetched no JS at all?').toBeGreaterThan(0);
  expect(
    js.firstLoadGzipBytes,
    `first-load JS ${(js.firstLoadGzipBytes / 1024).toFixed(1)} KB gzip: ${firstLoad.join(', ')}`,
  ).toBeLessThanOrEqual(FIRST_LOAD_JS_BUDGET_BYTES);
  expect(js.files.map((f) => f.url).filter((url) => url.includes('CodeEditor'))).toEqual([]);
});

test('the code editor loads when the challenge comes near, and the placeholder takes Tab', async ({
  page,
}) => {
  await page.goto('/');
  const placeholder = page.getByLabel('Your RateLimiter code (the editor is loading)');
  await expect(placeholder).toBeAttached();
  await placeholder.focus();
  const editor = page.getByRole('textbox', { name: 'Your RateLimiter code', exact: true });
  await expect(editor).toBeFocused();
});

test('robots.txt is a robots file, not the app', async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.ok()).toBe(true);
  expect(await response.text()).toContain('User-agent:');
});

test('the build ships no source maps', async ({ page, request }) => {
  await page.goto('/');
  const entry = await page.locator('script[type="module"][src]').first().getAttribute('src');
  expect(entry).not.toBeNull();
  const response = await request.get(`${entry}.map`);
  // vite preview answers a missing file with the app's HTML.
  expect(response.headers()['content-type'] ?? '').not.toContain('json');
  expect(await response.text()).not.toContain('"mappings"');
});

test('the header is in the HTML, so it paints before any script runs', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'How an API gateway works' }),
  ).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Lesson sections' })).toBeVisible();
  await context.close();
});

test('the app takes over the pre-rendered header without moving it', async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark).length > 0,
    IDLE_LOAD_MARK,
  );
  await expect(page.getByRole('button', { name: 'Send burst' })).toBeAttached();
  const shift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            total += (entry as unknown as { value: number }).value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 500);
      }),
  );
  // Cumulative layout shift: under 0.1 counts as good.
  expect(shift).toBeLessThan(0.1);
});
