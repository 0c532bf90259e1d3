import { expect, test } from '@playwright/test';
import { LessonPage } from './pages/lesson';
import { PipelinePage } from './pages/pipeline';

let lesson: LessonPage;
let pipeline: PipelinePage;

test.beforeEach(async ({ page }) => {
  lesson = new LessonPage(page);
  pipeline = new PipelinePage(page);
  await lesson.open();
});

/**
 * Lets the answers of the requests sent so far come back to the gateway, playing at normal speed
 * (a jump of 10 s would also outlast the balancer's cool-down).
 */
async function letAllReturn() {
  await pipeline.page.waitForTimeout(3_000);
}

test('the cache experiment, done through the page: a Hit answered at the gateway, a POST not cached', async () => {
  const { playground } = pipeline;
  await lesson.setUpScenario('cache');
  await expect(pipeline.stages().filter({ hasText: 'Cache' })).toHaveCount(1);
  await playground.sendOne({ client: 'Mobile app (abc123)', path: '/api/users' });
  await expect(playground.rows(200)).toHaveCount(1);
  await expect(playground.root.locator('.service-node', { hasText: 'User service' })).toContainText(
    '1 served',
    { timeout: 15_000 },
  );
  await letAllReturn();
  await playground.sendOne();
  await expect(playground.rows(200)).toHaveCount(2);
  await expect(playground.rows(200).first()).toContainText('Cache');
  await pipeline.setMethod('POST');
  await playground.sendOne();
  await expect(playground.rows()).toHaveCount(3);
  await lesson.expectDone('cache');
  await expect(lesson.feedback('cache')).toContainText('was a Hit');
  // The Hit never reached the user service: two served there, one answered by the gateway.
  await expect(playground.root.locator('.service-node', { hasText: 'User service' })).toContainText(
    '2 served',
    { timeout: 15_000 },
  );
  await playground.rows(200).nth(1).click();
  await expect(playground.root.getByRole('region', { name: /Details of request 2/ })).toContainText(
    'Hit',
  );
});

test('the resilience experiment, done through the page: three instances, one down, then all', async () => {
  const { playground } = pipeline;
  await lesson.setUpScenario('resilience');
  for (const n of [1, 2, 3]) await expect(pipeline.instance(`user-service-${n}`)).toBeVisible();
  await pipeline.instance('user-service-2').click();
  await expect(pipeline.instance('user-service-2')).toHaveAttribute('aria-pressed', 'true');
  await expect(pipeline.instance('user-service-2')).toHaveAccessibleName(/down/);
  await playground.sendBurst({ client: 'Mobile app (abc123)', path: '/api/users', count: '9' });
  await expect(playground.rows(502)).toHaveCount(3, { timeout: 15_000 });
  await letAllReturn();
  await playground.sendBurst({ count: '4' });
  await expect(playground.rows(200)).toHaveCount(10, { timeout: 15_000 });
  await letAllReturn();
  // Keyboard: the instance buttons are controls like any other.
  await pipeline.instance('user-service-1').focus();
  await pipeline.page.keyboard.press('Enter');
  await pipeline.instance('user-service-3').click();
  // Failures eject them in turn; once all three are out the balancer answers 503 itself.
  for (let round = 0; round < 4 && (await playground.rows(503).count()) === 0; round++) {
    await playground.sendBurst({ count: '6' });
    await letAllReturn();
  }
  await expect(playground.rows(503).first()).toBeVisible();
  await expect(playground.rows(503).first()).toContainText('circuit open');
  await expect(playground.gatewayCount(503)).toBeVisible();
  await lesson.expectDone('resilience');
});

test('the Pipeline panel refuses bad values beside the field and changes nothing', async () => {
  await pipeline.openPanel();
  await expect(pipeline.stages()).toHaveCount(3);
  await pipeline.stage(/Response cache/).check();
  await pipeline.field('Time to live (ms)').fill('0');
  await pipeline.stage(/Load balancing/).check();
  await pipeline.field('Order service').fill('9');
  await pipeline.apply();
  await expect(pipeline.problem('Time to live (ms)')).toHaveText('TTL must be at least 1.');
  await expect(pipeline.problem('Order service')).toContainText('at most 5');
  // Nothing applied, nothing lost.
  await expect(pipeline.stages()).toHaveCount(3);
  await expect(pipeline.field('Time to live (ms)')).toHaveValue('0');
  await pipeline.field('Time to live (ms)').fill('5000');
  await pipeline.field('Order service').fill('3');
  await pipeline.apply();
  await expect(pipeline.stages()).toHaveText([
    /Auth/,
    /Rate limit/,
    /Router/,
    /Cache/,
    /Load balancer/,
  ]);
  await expect(pipeline.instance('order-service-3')).toBeVisible();
  // Undo takes the change back, as any playground action.
  await pipeline.page.getByRole('button', { name: /Undo/ }).click();
  await expect(pipeline.stages()).toHaveCount(3);
});
