import { TimelinePage } from './pages/timeline';
import { TourPage } from './pages/tour';
import { expect, test } from './fixtures';

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the tour’s Back restores the counters and quota of the earlier step', async ({
      playground,
    }) => {
      const tour = new TourPage(playground.page);
      await tour.start.click();
      const seen: string[] = [];
      for (let step = 1; step <= 9; step++) {
        await tour.expectStep(step);
        // The panels follow the store a moment later: wait until the counters settle.
        await playground.page.waitForTimeout(400);
        seen.push(await playground.gatewayCounts());
        if (step < 9) await tour.next.click();
      }
      expect(seen[8]).toBe('200: 5 · 401: 1 · 404: 1 · 429: 1');
      for (let step = 8; step >= 1; step--) {
        await tour.back.click();
        await tour.expectStep(step);
        await expect
          .poll(() => playground.gatewayCounts(), { message: `step ${step}` })
          .toBe(seen[step - 1]);
      }
      // Step 2 is at Auth: the quota has not dropped yet; step 3 is past the rate limiter.
      await tour.next.click();
      await tour.expectStep(2);
      await expect(playground.clientNode('Mobile app')).toContainText(/5( of |\/)5 left/);
      await tour.next.click();
      await tour.expectStep(3);
      await expect(playground.clientNode('Mobile app')).toContainText(/4( of |\/)5 left/);
    });
  });
}

test('scrubbing back and forward gives the counters that playing gave; Undo takes a send back', async ({
  playground,
}) => {
  const timeline = new TimelinePage(playground.page);
  await playground.sendBurst();
  await expect(playground.rows()).toHaveCount(6);
  await expect.poll(() => playground.clockSeconds()).toBeGreaterThan(3);
  await playground.playButton().click();
  await expect(playground.playButton()).toHaveText(/Play/);
  await playground.page.waitForTimeout(400);
  const played = await playground.gatewayCounts();
  expect(played).toBe('200: 5 · 401: 0 · 404: 0 · 429: 1');
  const endMs = await timeline.endMs();

  await timeline.scrubTo(0);
  await expect(playground.rows()).toHaveCount(0);
  await expect.poll(() => playground.gatewayCounts()).toBe('200: 0 · 401: 0 · 404: 0 · 429: 0');
  await timeline.scrubTo(endMs);
  await expect(playground.rows()).toHaveCount(6);
  await expect.poll(() => playground.gatewayCounts()).toBe(played);

  // ← steps back event by event, → forward again, to the same counters.
  await playground.page.locator('body').click({ position: { x: 5, y: 5 } });
  const before = await playground.clockSeconds();
  for (let i = 0; i < 3; i++) await playground.page.keyboard.press('ArrowLeft');
  expect(await playground.clockSeconds()).toBeLessThan(before);
  for (let i = 0; i < 40; i++) await playground.page.keyboard.press('ArrowRight');
  await expect.poll(() => playground.gatewayCounts()).toBe(played);

  await timeline.undo.click();
  await expect(playground.rows()).toHaveCount(0);
  await expect(timeline.undo).toBeDisabled();
});
