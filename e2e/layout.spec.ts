import { TourPage } from './pages/tour';
import { expect, test } from './fixtures';

const SCREENS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

for (const viewport of SCREENS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the graph and Send burst are in view on opening, without scrolling', async ({
      playground,
    }) => {
      expect(await playground.page.evaluate(() => window.scrollY)).toBe(0);
      await expect(playground.graph).toBeInViewport({ ratio: 0.95 });
      await expect(playground.button('Send burst')).toBeInViewport({ ratio: 1 });
    });

    test('the playground stays in reach from every section of the lesson', async ({
      playground,
    }) => {
      const page = playground.page;
      const sections = page.getByRole('navigation', { name: 'Lesson sections' }).getByRole('link');
      const count = await sections.count();
      expect(count).toBeGreaterThan(5);
      for (let i = 0; i < count; i++) {
        await sections.nth(i).click();
        await expect(playground.graph).toBeInViewport({ ratio: 0.9 });
        await expect(playground.button('Send burst')).toBeInViewport({ ratio: 1 });
      }
    });

    test('during the tour the graph and the tour’s buttons are both in view', async ({
      playground,
    }) => {
      const tour = new TourPage(playground.page);
      await tour.start.click();
      for (let step = 1; step <= 9; step++) {
        await tour.expectStep(step);
        const button = step === 9 ? tour.panel.getByRole('button', { name: 'Finish' }) : tour.next;
        await expect(button).toBeInViewport({ ratio: 1 });
        // Step 6 shows the log's row of the response where the playground is beside the text.
        if (!(step === 6 && viewport.width >= 1100)) {
          await expect(playground.graph).toBeInViewport({ ratio: 0.9 });
        }
        await button.click();
      }
      await expect(tour.panel).toHaveCount(0);
      await expect(playground.graph).toBeInViewport({ ratio: 0.9 });
    });

    test('the docked playground collapses and comes back', async ({ playground }) => {
      test.skip(viewport.width >= 1100, 'beside the lesson there is nothing to collapse');
      await playground.button('Hide ▾').click();
      await expect(playground.graph).toBeHidden();
      await playground.button('Show ▴').click();
      await expect(playground.graph).toBeInViewport({ ratio: 0.95 });
      // Traffic sent from the lesson opens the dock again, so its trip is seen.
      await playground.button('Hide ▾').click();
      await playground.tourStart.click();
      await expect(playground.graph).toBeInViewport({ ratio: 0.9 });
    });
  });
}
