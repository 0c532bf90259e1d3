import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

/** What axe-core finds, one line per rule and element, so a failure says what to fix. */
function describe(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.impact ?? 'unknown'} ${v.id}: ${n.target.join(' ')} (${v.help})`),
  );
}

test('axe finds no WCAG A/AA problems: on opening, after a burst with headers shown, during the tour, at phone width', async ({
  playground,
}) => {
  // Four full-page scans take about 25 s here, close to the default 30 s limit.
  test.setTimeout(120_000);
  const scan = () =>
    new AxeBuilder({ page: playground.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
  expect(describe((await scan()).violations)).toEqual([]);
  await playground.sendBurst();
  await expect(playground.rows()).toHaveCount(6);
  await playground.openHeaders(429);
  expect(describe((await scan()).violations)).toEqual([]);
  await playground.tourStart.click();
  await expect(playground.tour).toBeVisible();
  expect(describe((await scan()).violations)).toEqual([]);
  // At phone width the code blocks scroll sideways and the graph stacks.
  await playground.page.setViewportSize({ width: 390, height: 844 });
  await expect(playground.graph).toHaveClass(/graph-vertical/);
  expect(describe((await scan()).violations)).toEqual([]);
});
