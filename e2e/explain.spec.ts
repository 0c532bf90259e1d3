import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { ExplanationPage } from './pages/explanation';
import { PipelinePage } from './pages/pipeline';

let explain: ExplanationPage;

test.beforeEach(async ({ playground }) => {
  explain = new ExplanationPage(playground.page);
});

/** The default burst (six from the mobile app), every answer back. */
async function burstDone() {
  const { playground } = explain;
  await playground.sendBurst();
  await expect(playground.rows()).toHaveCount(6);
  await expect.poll(() => playground.clockSeconds()).toBeGreaterThan(1.6);
}

test('a click on a packet opens its request: the newest of the mark, and its log row is marked', async () => {
  await burstDone();
  // At 0.6 s all six wait at Rate limit, drawn as one mark "×6".
  await explain.clickPacketsAt('rate-limit', 600);
  const details = explain.panel.getByRole('region', { name: 'Details of request 6' });
  await expect(details).toContainText('429 Too Many Requests');
  await expect(explain.panel).toContainText('stood for 6 requests');
  await expect(explain.row(6)).toHaveClass(/is-selected/);
  await expect(explain.row(6).getByRole('button')).toHaveAttribute('aria-expanded', 'true');
  // The panel sits under the graph: it never covers it.
  const graph = await explain.playground.graph.boundingBox();
  const panel = await explain.panel.boundingBox();
  expect(panel!.y).toBeGreaterThanOrEqual(graph!.y + graph!.height);
});

test('a log row opens the same panel and shows as selected; a second click closes it', async () => {
  await burstDone();
  await explain.row(2).click();
  await expect(explain.panel.getByRole('region', { name: 'Details of request 2' })).toBeVisible();
  await expect(explain.row(2)).toHaveClass(/is-selected/);
  await expect(explain.row(2).getByRole('button')).toHaveText('Hide');
  await explain.row(2).click();
  await expect(explain.panel).toHaveCount(0);
  await expect(explain.row(2)).not.toHaveClass(/is-selected/);
});

test('Enter on the rate-limit node explains it with the quota; Escape closes and gives focus back', async () => {
  const { page } = explain;
  await burstDone();
  const stage = explain.stage('rate-limit');
  await stage.focus();
  await expect(stage).toBeFocused();
  await page.keyboard.press('Enter');
  const about = explain.panel.getByRole('region', { name: 'About Rate limit' });
  await expect(about).toContainText('Stage 2 of 3 in the gateway');
  await expect(about).toContainText('Counts requests per API key');
  await expect(about).toContainText(/Mobile app \(abc123\)\s*0 of 5 left · next in \d+\.\d\ss/);
  await expect(about).toContainText('5 passed, 1 refused');
  await expect(about).toContainText('Request #6 refused');
  await expect(stage).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(explain.panel).toHaveCount(0);
  await expect(stage).toBeFocused();
});

test('clients and services explain themselves; Tab reaches every node', async () => {
  await burstDone();
  // From the first client, Tab goes through the other clients, the stages and the services.
  await explain.node('Mobile app').focus();
  const reached: string[] = [];
  for (let i = 0; i < 12; i++) {
    reached.push((await explain.page.evaluate(() => document.activeElement?.ariaLabel)) ?? '');
    await explain.page.keyboard.press('Tab');
  }
  for (const node of ['Web shop', 'Old partner key', 'Auth', 'Rate limit', 'Router'])
    expect(reached.some((name) => name.startsWith(node))).toBe(true);
  expect(reached.some((name) => name.startsWith('User service'))).toBe(true);
  await explain.node('Mobile app').click();
  await expect(explain.panel).toContainText('5 × 200 OK, 1 × 429 Too Many Requests');
  await explain.node('User service').click();
  await expect(explain.panel).toContainText('5 served');
  await expect(explain.panel).toContainText('/api/users (exact)');
  await explain.panel.getByRole('button', { name: 'Close' }).click();
  await expect(explain.panel).toHaveCount(0);
  await expect(explain.node('User service')).toBeFocused();
});

test('each service runs its own number of instances, drawn and explained', async ({ page }) => {
  const pipeline = new PipelinePage(page);
  await pipeline.openPanel();
  await pipeline.stage(/Load balancing/).check();
  await pipeline.field('User service').fill('2');
  await pipeline.field('Order service').fill('4');
  await pipeline.field('Payment service').fill('1');
  await pipeline.field('Notification service').fill('5');
  await pipeline.apply();
  const instances = (service: string) =>
    pipeline.playground.graph.locator(`[data-instance^="${service}-"]`);
  await expect(instances('user-service')).toHaveCount(2);
  await expect(instances('order-service')).toHaveCount(4);
  await expect(instances('payment-service')).toHaveCount(1);
  await expect(instances('notification-service')).toHaveCount(5);
  await explain.node('Order service').click();
  await expect(explain.panel.locator('[data-instance-line]')).toHaveCount(4);
  // Undo brings back one instance for every service.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(pipeline.playground.graph.locator('[data-instance]')).toHaveCount(0);
});

test('at 390×844 the docked playground opens a node and a request below the graph', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { playground } = explain;
  await expect(playground.graph).toHaveClass(/graph-vertical/);
  await expect(playground.button('Send burst')).toBeInViewport();
  await burstDone();
  await explain.stage('rate-limit').scrollIntoViewIfNeeded();
  await explain.stage('rate-limit').click();
  await expect(explain.panel).toBeInViewport();
  await expect(explain.panel).toContainText('0 of 5 left');
  await page.keyboard.press('Escape');
  await expect(explain.panel).toHaveCount(0);
  await expect(explain.stage('rate-limit')).toBeFocused();
  await explain.clickPacketsAt('rate-limit', 600);
  await expect(
    explain.panel.getByRole('region', { name: 'Details of request 6' }),
  ).toBeInViewport();
});

test('axe finds no WCAG A/AA problem in the playground with a node and then a request explained', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const scan = async () => {
    const { violations } = await new AxeBuilder({ page })
      .include('section.playground')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  };
  const pipeline = new PipelinePage(page);
  await pipeline.openPanel();
  await pipeline.stage(/Load balancing/).check();
  await pipeline.apply();
  await burstDone();
  await explain.node('User service').click();
  await expect(explain.panel.locator('[data-instance-line]')).toHaveCount(3);
  expect(await scan()).toEqual([]);
  await explain.row(6).click();
  await expect(explain.panel.getByRole('region', { name: 'Details of request 6' })).toBeVisible();
  expect(await scan()).toEqual([]);
});
