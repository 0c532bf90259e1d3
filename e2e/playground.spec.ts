import { expect, test } from './fixtures';
import { PlaygroundPage } from './pages/playground';

test.describe('a new user’s first minute in the playground', () => {
  test('the default burst gives five 200 and one 429, in the log and on the graph', async ({
    playground,
  }) => {
    await playground.sendBurst();
    await expect(playground.rows()).toHaveCount(6);
    await expect(playground.rows(200)).toHaveCount(5);
    await expect(playground.rows(429)).toHaveCount(1);
    await expect(playground.gatewayCount(200)).toHaveText('200: 5');
    await expect(playground.gatewayCount(429)).toHaveText('429: 1');
    await expect(playground.clientNode('Mobile app')).toContainText('0 of 5 left');
    await expect(playground.page.getByTestId('announcer')).toHaveText(
      '6 responses: 5 × 200, 1 × 429',
    );
    await expect(
      playground.graph.locator('.service-node', { hasText: 'User service' }),
    ).toContainText('5 served');
    await expect(playground.page.getByTestId('window-facts')).toContainText('0 of 5 left');
  });

  test('the 429 carries Retry-After and RateLimit headers on demand', async ({ playground }) => {
    await playground.sendBurst();
    const refused = playground.rows(429);
    await expect(refused).toHaveCount(1);
    await playground.openHeaders(429);
    const details = playground.page.getByRole('region', { name: /Details of request 6/ });
    // All five allowed requests arrived at t = 0.3 s: the next slot is a whole window (60 s) away.
    const retryAfter = details
      .locator('.header-list > div')
      .filter({ has: playground.page.locator('dt', { hasText: /^Retry-After$/ }) });
    await expect(retryAfter.locator('dd')).toHaveText('60');
    await expect(details).toContainText('"default";q=5;w=60');
    await expect(details).toContainText('"default";r=0;t=60');
  });

  test('a request without a key gets 401 and leaves the quota unchanged', async ({
    playground,
  }) => {
    await playground.sendOne({ client: 'Anonymous script (no key)' });
    await expect(playground.rows(401)).toHaveCount(1);
    await expect(playground.rows(401)).toContainText('Auth');
    await expect(playground.clientNode('Mobile app')).toContainText('5 of 5 left');
    await playground.openHeaders(401);
    const details = playground.page.getByRole('region', { name: /Details of request 1/ });
    await expect(details).toContainText('WWW-Authenticate');
    // The limiter stamps RateLimit headers on every request it sees: this one it never saw.
    await expect(details).not.toContainText('RateLimit');
  });

  test('an unregistered key gets 401 and an unknown path gets 404', async ({ playground }) => {
    await playground.sendOne({ client: 'Old partner key (zzz999)' });
    await expect(playground.rows(401)).toHaveCount(1);
    // Its window panel says why it has no quota, instead of showing an unused one.
    await expect(playground.root.locator('.window-panel')).toContainText(
      'The gateway does not know the key zzz999',
    );
    await playground.sendOne({ client: 'Mobile app (abc123)', path: '/api/unknown' });
    await expect(playground.rows(404)).toHaveCount(1);
    await expect(playground.rows(404)).toContainText('Router');
    // The limiter runs before the router: the 404 used one unit of quota.
    await expect(playground.clientNode('Mobile app')).toContainText('4 of 5 left');
  });

  test('an invalid count shows a message beside the field and sends nothing', async ({
    playground,
  }) => {
    for (const bad of ['-3', '0', '10001', '2.5', 'abc']) {
      await playground.sendBurst({ count: bad });
      await expect(playground.page.locator('#traffic-count-problem')).toBeVisible();
      await expect(playground.field('How many (1–10,000)')).toHaveValue(bad);
    }
    await playground.sendBurst({ path: 'api/users', count: '6' });
    await expect(playground.page.locator('#traffic-path-problem')).toContainText(
      'must start with "/"',
    );
    // Had any of those gone out, it would be in the log before this one valid request.
    await playground.sendOne({ path: '/api/users' });
    await expect(playground.rows()).toHaveCount(1);
    await expect(playground.count('all')).toHaveText('1');
  });

  test('an invalid limit is explained and not applied', async ({ playground }) => {
    const page = playground.page;
    await playground.root.getByText('Gateway settings (limit').click();
    await playground.field('Max requests per window').fill('0');
    await playground.button('Apply settings').click();
    await expect(page.locator('#limit-max-problem')).toContainText('at least 1');
    await expect(playground.clientNode('Mobile app')).toContainText('5 of 5 left');
    await playground.field('Max requests per window').fill('3');
    await playground.button('Apply settings').click();
    await expect(playground.clientNode('Mobile app')).toContainText('3 of 3 left');
  });
});

test.describe('playback', () => {
  test('speed changes how fast simulated time runs', async ({ playground }) => {
    await playground.setSpeed('8');
    await playground.sendBurst();
    await playground.page.waitForTimeout(1000);
    expect(await playground.clockSeconds()).toBeGreaterThan(3);
    await playground.button('Reset').click();
    await playground.setSpeed('0.25');
    await playground.sendBurst();
    await playground.page.waitForTimeout(1000);
    expect(await playground.clockSeconds()).toBeLessThan(0.6);
  });

  test('step pauses, jumps to the next event and keeps the clock still', async ({ playground }) => {
    await playground.setSpeed('0.25');
    await playground.sendBurst();
    await expect(playground.playButton()).toHaveText(/Pause/);
    // → while playing: Step itself pauses the clock.
    await playground.page.locator('body').press('ArrowRight');
    await expect(playground.playButton()).toHaveText(/Play/);
    const after = await playground.clockSeconds();
    expect(after).toBeGreaterThan(0);
    await playground.page.waitForTimeout(300);
    expect(await playground.clockSeconds()).toBe(after);
    await playground.button(/Step/).click();
    await expect.poll(() => playground.clockSeconds()).toBeGreaterThan(after);
  });

  test('quota comes back when the window slides: jump to the next slot', async ({ playground }) => {
    await playground.sendBurst();
    await expect(playground.rows(429)).toHaveCount(1);
    await playground.button(/Jump to next slot/).click();
    await expect(playground.clientNode('Mobile app')).toContainText('5 of 5 left');
    await playground.sendOne();
    await expect(playground.rows(200)).toHaveCount(6);
  });

  test('a focused row keeps its request and its focus while newer requests arrive', async ({
    playground,
  }) => {
    await playground.field('Spacing').selectOption('spread');
    await playground.field('Requests per second').fill('10');
    await playground.sendBurst({ count: '40' });
    const first = playground.log.getByRole('button', {
      name: 'Headers of request 1',
      exact: true,
    });
    await first.focus();
    // Newest first: 39 newer rows push request 1 far below the rows the log renders.
    await expect(playground.count('all')).toHaveText('40', { timeout: 15_000 });
    await expect(first).toBeFocused();
    await playground.page.keyboard.press('Enter');
    await expect(
      playground.page.getByRole('region', { name: /Details of request 1/ }),
    ).toBeVisible();
  });

  test('Space toggles play when focus is not in a field', async ({ playground }) => {
    await playground.page.locator('body').press('Space');
    await expect(playground.playButton()).toHaveText(/Pause/);
    await playground.page.locator('body').press('Space');
    await expect(playground.playButton()).toHaveText(/Play/);
  });
});

test('the tour follows a real request, then the refusals, start to end', async ({ playground }) => {
  const page = playground.page;
  await playground.tourStart.click();
  const tour = playground.tour;
  await expect(tour).toContainText('Step 1 of 9');
  await expect(tour.getByRole('heading', { name: 'A client sends a request' })).toBeFocused();
  await expect(playground.clientNode('Mobile app')).toHaveClass(/is-highlighted/);
  const expectations: [string, RegExp][] = [
    ['First check: authentication', /Request #1 · auth: /],
    ['Second check: rate limiting', /rate-limit: 4 of 5 left/],
    ['Third check: routing', /router: \/api\/users → user-service/],
    ['The service does the work', /200 OK/],
    ['The response comes back through the gateway', /200 OK/],
    ['Refused at the door: 401', /401 Unauthorized/],
    ['Too many: 429', /429 Too Many Requests/],
    ['Nowhere to go: 404', /404 Not Found/],
  ];
  for (const [title, fact] of expectations) {
    await tour.getByRole('button', { name: 'Next' }).click();
    await expect(tour.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByTestId('tour-fact')).toContainText(fact);
  }
  await tour.getByRole('button', { name: 'Back' }).click();
  await expect(tour.getByRole('heading', { name: 'Too many: 429' })).toBeVisible();
  await tour.getByRole('button', { name: 'Next' }).click();
  await tour.getByRole('button', { name: 'Finish' }).click();
  await expect(tour).toHaveCount(0);
  await expect(playground.rows(401)).toHaveCount(1);
  await expect(playground.rows(429)).toHaveCount(1);
  await expect(playground.rows(404)).toHaveCount(1);
  // Restartable, and Esc leaves it.
  await playground.tourStart.click();
  await expect(tour).toContainText('Step 1 of 9');
  await page.keyboard.press('Escape');
  await expect(tour).toHaveCount(0);
  await expect(playground.tourStart).toBeFocused();
});

test('with reduced motion, outcomes appear at once and the clock does not run', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.sendBurst();
  await expect(playground.rows()).toHaveCount(6);
  await expect(playground.playButton()).toHaveText(/Play/);
  // The clock jumped straight to the last response (about 2 s), with no frames in between.
  const t = await playground.clockSeconds();
  expect(t).toBeGreaterThan(1.5);
  await page.waitForTimeout(300);
  expect(await playground.clockSeconds()).toBe(t);
  await expect(
    playground.graph.locator('.service-node', { hasText: 'User service' }),
  ).toContainText('5 served');
});

test('at 390 px wide the graph stacks and the burst still works', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const playground = new PlaygroundPage(page);
  await playground.open();
  await expect(page.locator('.graph-vertical')).toBeVisible();
  await playground.sendBurst();
  await expect(playground.rows(429)).toHaveCount(1);
  // Nothing in the playground sticks out of the phone's width.
  const widest = await playground.root.evaluate((root) =>
    Math.max(...[...root.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)),
  );
  expect(widest).toBeLessThanOrEqual(390);
});
