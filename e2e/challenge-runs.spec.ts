import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { WRONG_SOLUTIONS } from '../src/challenge/wrongSolutions.fixture';
import { MODEL_SOLUTION } from '../src/content/challenge/modelSolution';
import { SAMPLE_TESTS } from '../src/content/challenge/samples';
import { ChallengePage } from './pages/challenge';
import { PlaygroundPage } from './pages/playground';

const FIXED_WINDOW = WRONG_SOLUTIONS['fixed window'] as string;
const CLOCK_TEST = 'uses the given timestamps, not the clock';

/** What axe-core finds in the challenge section, one line per rule and element. */
async function challengeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .include('section.challenge')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`),
  );
}

test.describe('coding challenge: samples, own cases, replay, clock', () => {
  let challenge: ChallengePage;

  test.beforeEach(async ({ page }) => {
    challenge = new ChallengePage(page);
    await challenge.goto();
  });

  test('Run samples runs the visible samples only and never passes the challenge', async ({
    page,
  }) => {
    const samples = SAMPLE_TESTS.length;
    await challenge.replaceCode(FIXED_WINDOW);
    await challenge.runSamples();
    await expect(challenge.summary).toContainText(
      `${samples - 1} of ${samples} samples pass — run all tests to submit`,
      { timeout: 15_000 },
    );
    await expect(challenge.sampleResults.getByRole('listitem')).toHaveCount(samples);
    await expect(challenge.sampleResults).not.toContainText('randomized comparison');

    await challenge.replaceCode(MODEL_SOLUTION);
    await challenge.runSamples();
    await expect(challenge.summary).toContainText(
      `✓ Samples pass. ${samples} of ${samples} samples pass — run all tests to submit`,
      { timeout: 15_000 },
    );
    const progress = page.getByTestId('progress-challenge');
    await expect(progress).toHaveText('Challenges: 0 of 3 passed');
    // Only the full run can pass the challenge.
    await challenge.run();
    await expect(challenge.summary).toContainText('All 12 tests passed', { timeout: 15_000 });
    await expect(progress).toHaveText('Challenges: 1 of 3 passed');
  });

  test('own cases: added, validated beside the field, run against the reference, kept after a reload', async ({
    page,
  }) => {
    await challenge.replaceCode(FIXED_WINDOW);
    await challenge.addCaseButton.click();
    const first = challenge.ownCase(1);
    await first.getByLabel('maxRequests').fill('2');
    await first.getByLabel('windowMs').fill('1000');
    // The fixed window starts afresh at 1000 ms; the sliding window still counts 100 and 900.
    await first.getByLabel('calls').fill('alice@100, alice@900, alice@1000');
    await first.getByLabel('expected (optional)').fill('true, true, true');

    await challenge.addCaseButton.click();
    const second = challenge.ownCase(2);
    const secondCalls = second.getByLabel('calls');
    await secondCalls.fill('bob@600, bob@300');
    await expect(secondCalls).toHaveAttribute('aria-invalid', 'true');
    await expect(secondCalls).toHaveAccessibleDescription(/Call 2, bob@300, goes back in time/);

    await challenge.runCasesButton.click();
    const result = first.getByTestId('own-case-result');
    await expect(result).toContainText(
      'Yours differs from the reference on 1 of 3 calls: call 3. Your expected answers differ from the reference on call 3',
      { timeout: 15_000 },
    );
    const third = result.getByRole('row').filter({ hasText: 'allowRequest("alice", 1000)' });
    await expect(third.getByRole('cell')).toHaveText([
      '3',
      'allowRequest("alice", 1000)',
      'true (differs)',
      'true (differs)',
      'false',
    ]);
    await expect(second.getByTestId('own-case-result')).toContainText('Not run: fix the field');
    // Running them does not pass the challenge, and they are not the graded tests.
    await expect(page.getByTestId('progress-challenge')).toHaveText('Challenges: 0 of 3 passed');
    // Labelled fields, problems tied to them, tables readable at both widths.
    expect(await challengeProblems(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await challengeProblems(page)).toEqual([]);

    await page.reload();
    await challenge.section.scrollIntoViewIfNeeded();
    await expect(challenge.ownCase(1).getByLabel('calls')).toHaveValue(
      'alice@100, alice@900, alice@1000',
    );
    await expect(challenge.ownCase(1).getByLabel('expected (optional)')).toHaveValue(
      'true, true, true',
    );
    // Nothing typed is lost, not even the case that does not parse.
    await expect(challenge.ownCase(2).getByLabel('calls')).toHaveValue('bob@600, bob@300');
    await expect(challenge.ownCase(2).getByLabel('calls')).toHaveAttribute('aria-invalid', 'true');
  });

  test('the replay names the call that differs and keeps the test’s times', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await challenge.replaceCode(FIXED_WINDOW);
    await challenge.run();
    await expect(challenge.summary).toContainText('failed', { timeout: 15_000 });
    // Sample 2 (limit 2 per 1000 ms) fails at 1200 ms: the fixed window started afresh at 1000.
    const sample = challenge.result(SAMPLE_TESTS[1]?.name as string);
    await expect(sample.getByRole('row').last()).toContainText('allowRequest("alice", 1200)');
    await sample.getByRole('button', { name: 'Replay on the graph' }).click();
    const note = sample.getByRole('status');
    await expect(note).toContainText(
      'It differs at call 5: alice at t = 1,200 ms — expected false, yours true.',
    );
    await expect(note).toContainText("at the test's own times (t = 0 to 1,200 ms)");
    await expect(note).toContainText('your settings are unchanged');
    // The log shows the times the test gave, not times moved to fit the playground's clock.
    const playground = new PlaygroundPage(page);
    await expect(playground.rows()).toHaveCount(5);
    await expect(playground.log).toContainText('1.20 s');
    await expect(playground.log).not.toContainText('2.20 s');
  });

  test('the clock test fails only code that reads the clock', async () => {
    await challenge.replaceCode(FIXED_WINDOW);
    await challenge.run();
    await expect(challenge.summary).toContainText('failed', { timeout: 15_000 });
    await expect(challenge.result('exact boundary')).toContainText('Failed');
    await expect(challenge.result(CLOCK_TEST)).toContainText('Passed');

    await challenge.replaceCode(WRONG_SOLUTIONS['uses Date.now'] as string);
    await challenge.run();
    await expect(challenge.result(CLOCK_TEST)).toContainText('Failed', { timeout: 15_000 });
    await expect(challenge.result(CLOCK_TEST)).toContainText(
      'with the clock stopped and true with the clock moving an hour per call: your code reads the clock',
    );
    await expect(challenge.result(CLOCK_TEST).getByRole('columnheader')).toHaveText([
      '#',
      'Call',
      'Expected',
      'Yours, clock stopped',
      'Yours, clock moving',
    ]);
  });
});
