import { expect, test } from '@playwright/test';
import { EXPERIMENTS } from '../src/content/experiments';
import { LessonPage } from './pages/lesson';

let lesson: LessonPage;

test.beforeEach(async ({ page }) => {
  lesson = new LessonPage(page);
  await lesson.open();
});

test('every experiment of the content is on the page, set up and shown by its own buttons', async () => {
  await expect(lesson.page.locator('[data-experiment]')).toHaveCount(EXPERIMENTS.length);
  for (const { id } of EXPERIMENTS) {
    await lesson.setUpScenario(id);
    await expect(lesson.playground.count('all')).toHaveText('0');
    await lesson.showMe(id);
    await lesson.expectDone(id);
    await expect(lesson.feedback(id)).toContainText(/^✔/);
  }
  await expect(lesson.progress).toContainText(
    `Experiments: ${EXPERIMENTS.length} of ${EXPERIMENTS.length} done`,
  );
  // A prediction made by "Show me" shows in its field, as if typed.
  const predicted = EXPERIMENTS.flatMap((e) => e.solution).find((a) => a.kind === 'predict');
  if (predicted?.kind === 'predict') {
    await expect(lesson.page.getByLabel('Rate limiting starts on request number')).toHaveValue(
      String(predicted.requestNumber),
    );
  }
});

test('"Set up this scenario" puts back the settings and routes and empties the log', async () => {
  const { playground } = lesson;
  await lesson.addRoute('/api/payments', 'Order service');
  await playground.sendBurst({ path: '/api/users', count: '3' });
  await expect(playground.count('all')).toHaveText('3');
  await lesson.setUpScenario('new-route');
  await expect(playground.count('all')).toHaveText('0');
  await expect(lesson.experiment('new-route').getByRole('table')).not.toContainText(
    '/api/payments',
  );
});

test('a wrong prediction is marked wrong in words, not with ✔', async () => {
  await lesson.predict(5);
  await lesson.playground.sendBurst({
    client: 'Mobile app (abc123)',
    path: '/api/users',
    count: '6',
  });
  await lesson.expectDone('bursts');
  await expect(lesson.feedback('bursts')).toContainText(/^✘ Not as you predicted/);
});

test('experiment 3 says what is wrong when the route points at the wrong service', async () => {
  const card = lesson.experiment('new-route');
  // No placeholder that looks like a filled-in value; the example is written beside the field.
  await expect(card.getByLabel('New route', { exact: true })).toHaveValue('');
  expect(
    await card.getByLabel('New route', { exact: true }).getAttribute('placeholder'),
  ).toBeNull();
  await lesson.addRoute('/api/payments', 'Order service');
  await lesson.playground.sendOne({ client: 'Mobile app (abc123)', path: '/api/payments' });
  await expect(lesson.feedback('new-route')).toContainText(
    'from order-service, not from payment-service',
  );
  await expect(card.locator('[data-status="in-progress"]')).toBeVisible();
});

test('experiment 4 reports a lookup that returns the key, and one without the "/" boundary', async () => {
  const returnsKey = `function findRoute(path, routes) {
  for (const key of Object.keys(routes)) if (path === key || path.startsWith(key + '/')) return key;
  return null;
}`;
  await lesson.applyLookup(returnsKey);
  const card = lesson.experiment('path-prefixes');
  await expect(card).toContainText('which is a key of routes, not a service URL');
  await expect(card).toContainText('back on its built-in lookup');

  const naive = `function findRoute(path, routes) {
  for (const key of Object.keys(routes)) if (path.startsWith(key)) return routes[key];
  return null;
}`;
  await lesson.applyLookup(naive);
  await expect(card).toContainText('The playground now routes with your findRoute');
  await lesson.playground.sendOne({ client: 'Web shop (web456)', path: '/api/users/123' });
  await lesson.playground.sendOne({ client: 'Web shop (web456)', path: '/api/orders/9' });
  await expect(lesson.feedback('path-prefixes')).toContainText(
    '/api/usersX is not below /api/users',
  );
  await expect(card.locator('[data-status="done"]')).toHaveCount(0);
});

test('after a reload, done cards still explain what was done and the added route is kept', async ({
  page,
}) => {
  await lesson.showMe('no-key');
  await lesson.expectDone('no-key');
  await lesson.showMe('new-route');
  await lesson.expectDone('new-route');
  const explained = await lesson.feedback('no-key').textContent();
  await page.reload();
  await lesson.expectDone('no-key');
  await expect(lesson.feedback('no-key')).toHaveText(explained ?? '');
  await expect(lesson.feedback('new-route')).toContainText('forwarded it to payment-service');
  await expect(lesson.experiment('new-route').getByRole('table')).toContainText('/api/payments');
  await lesson.playground.sendOne({ client: 'Mobile app (abc123)', path: '/api/payments' });
  await expect(lesson.playground.rows(200)).toHaveCount(1);
});

test('the path field’s message goes as soon as the path is fixed', async () => {
  const { playground } = lesson;
  await playground.sendOne({ path: 'api/users' });
  const path = playground.field('Path');
  await expect(path).toHaveAttribute('aria-invalid', 'true');
  await path.fill('/api/users');
  await expect(path).not.toHaveAttribute('aria-invalid', 'true');
  await expect(playground.root.getByText('a path must start with')).toHaveCount(0);
});

test('an open Headers panel does not re-open for a new request with the same number', async () => {
  const { playground } = lesson;
  await playground.sendBurst({ client: 'Mobile app (abc123)', path: '/api/users', count: '6' });
  await playground.openHeaders(429);
  const details = playground.root.getByRole('region', { name: /request 6/i });
  await expect(details).toBeVisible();
  await playground.button('Reset').click();
  await playground.sendBurst({ client: 'Mobile app (abc123)', path: '/api/users', count: '6' });
  await expect(playground.rows()).toHaveCount(6);
  await expect(details).toHaveCount(0);
});

test('the client node and the window strip read the same countdown', async () => {
  const { playground } = lesson;
  await playground.sendBurst({ client: 'Mobile app (abc123)', path: '/api/users', count: '6' });
  await expect(playground.rows(429)).toHaveCount(1);
  for (let step = 0; step < 3; step++) {
    await playground.playButton().click();
    await lesson.page.waitForTimeout(130);
    await playground.playButton().click();
    const node = (await playground.clientNode('Mobile app').textContent()) ?? '';
    const strip = (await lesson.page.getByTestId('window-facts').textContent()) ?? '';
    const nodeWait = /next in ([\d.]+)/.exec(node)?.[1];
    const stripWait = /next request passes in ([\d.]+)/.exec(strip)?.[1];
    expect(nodeWait).toBeDefined();
    expect(stripWait).toBe(nodeWait);
  }
});

test('the playground and the glossary say the routes start exact', async ({ page }) => {
  await expect(lesson.playground.graph).toContainText('exact match');
  await expect(page.locator('#term-prefix-match')).toContainText(
    'Experiment 4 adds prefix matching',
  );
});

test('multi-select feedback counts first, then names the wrong ticks, never the missing ones', async () => {
  const question = lesson.question('prefix-match');
  await lesson.answer('prefix-match', ['/api/users', '/api/usersX']);
  await expect(question).toContainText('1 of your ticks is wrong and 2 right choices are missing.');
  await expect(question).not.toContainText('Not right:');
  await question.getByRole('button', { name: /Check/ }).click();
  await expect(question).toContainText('Not right: “/api/usersX”.');
  await expect(question.locator('.quiz-feedback')).not.toContainText('/api/users?page=2');
});
