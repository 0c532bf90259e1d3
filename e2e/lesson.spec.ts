import { expect, test } from '@playwright/test';
import { EXPERIMENTS } from '../src/content/experiments';
import { LessonPage } from './pages/lesson';

const PREFIX_LOOKUP = `function findRoute(path, routes) {
  if (routes[path]) return routes[path];
  for (const key of Object.keys(routes)) {
    if (path.startsWith(key + '/')) return routes[key];
  }
  return null;
}`;

test('a learner completes the four experiments through the page', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.open();

  // 1. Predict, then 6 requests with one key: the page explains from the log.
  await lesson.predict(6);
  await lesson.playground.sendBurst({
    client: 'Mobile app (abc123)',
    path: '/api/users',
    count: '6',
  });
  await lesson.expectDone('bursts');
  await expect(lesson.experiment('bursts')).toContainText('was right');

  // 2. No key: 401 before rate limiting.
  await lesson.playground.sendOne({ client: 'Anonymous script (no key)', path: '/api/users' });
  await lesson.expectDone('no-key');

  // 3. A bad route path gets a message; then the payments route works.
  await lesson.addRoute('api/payments', 'Payment service');
  await expect(lesson.experiment('new-route')).toContainText('must start with "/"');
  await lesson.addRoute('/api/payments', 'Payment service');
  await lesson.playground.sendOne({ client: 'Web shop (web456)', path: '/api/payments' });
  await lesson.expectDone('new-route');

  // 4. A syntax error is reported beside the cell; the prefix lookup then routes sub-paths.
  await lesson.applyLookup('function findRoute(path, routes) { return routes[path] ?? ; }');
  await expect(lesson.experiment('path-prefixes')).toContainText('built-in lookup');
  await expect(lesson.experiment('path-prefixes')).toContainText(/syntax/i);
  await lesson.applyLookup(PREFIX_LOOKUP);
  await expect(page.getByText('The playground now routes with your findRoute')).toBeVisible();
  await lesson.playground.sendOne({ client: 'Web shop (web456)', path: '/api/users/123' });
  await lesson.playground.sendOne({ client: 'Web shop (web456)', path: '/api/orders/9' });
  await lesson.expectDone('path-prefixes');

  await expect(lesson.progress).toContainText(`Experiments: 4 of ${EXPERIMENTS.length} done`);

  // Progress survives a reload.
  await page.reload();
  await expect(lesson.progress).toContainText(`Experiments: 4 of ${EXPERIMENTS.length} done`);
  await lesson.expectDone('path-prefixes');
});

test('the quiz gives feedback, a score, and keeps answers across a reload', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  await lesson.answer('order-of-checks', ['Authenticate, then rate-limit, then route']);
  await expect(lesson.question('order-of-checks')).toContainText('Correct.');
  await lesson.answer('nginx-status', ['429 Too Many Requests']);
  await expect(lesson.question('nginx-status')).toContainText('Not quite.');
  // Generated from the playground's settings: with a limit of 5, request 4 passes.
  await lesson.answer('predict-fourth', ['200 OK (forwarded to a service)']);
  await expect(lesson.question('predict-fourth')).toContainText('Correct.');
  await expect(page.getByText(/Score: 2 of \d+ correct \(3 answered\)/)).toBeVisible();

  await page.reload();
  await expect(page.getByText(/Score: 2 of \d+ correct \(3 answered\)/)).toBeVisible();

  await page.getByRole('button', { name: 'Reset progress' }).click();
  await page.getByRole('button', { name: 'Yes, reset everything' }).click();
  await expect(page.getByText(/Score: 0 of \d+ correct \(0 answered\)/)).toBeVisible();
});

test('a corrupt saved state starts fresh and says so', async ({ page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded') === null) {
      localStorage.setItem('gateway-playground', '{"state": {"experiments": ');
      sessionStorage.setItem('seeded', 'yes');
    }
  });
  const lesson = new LessonPage(page);
  await lesson.open();
  const notice = page.getByRole('alert').filter({ hasText: 'could not be restored' });
  await expect(notice).toBeVisible();
  await expect(lesson.progress).toContainText(`Experiments: 0 of ${EXPERIMENTS.length} done`);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  // The page still works: an experiment can be done.
  await lesson.playground.sendOne({ client: 'Anonymous script (no key)', path: '/api/users' });
  await lesson.expectDone('no-key');
});

test('a term link lands on its glossary entry even when the search hides it', async ({ page }) => {
  await page.goto('/');
  const search = page.getByLabel('Search the terms');
  await search.fill('token bucket');
  const entry = page.locator('#term-microservices');
  await expect(entry).toHaveCount(0);
  await page.locator('#why').getByRole('link', { name: 'microservices' }).click();
  await expect(search).toHaveValue('');
  await expect(entry).toBeVisible();
  await expect(entry).toBeFocused();
});

test('a link to a section lands on it when the page opens', async ({ page }) => {
  await page.goto('/#challenge');
  await expect(page.getByRole('heading', { name: 'Coding challenge', level: 2 })).toBeInViewport();
  await page.goto('/#term-sliding-window');
  await expect(page.locator('#term-sliding-window')).toBeInViewport();
});
