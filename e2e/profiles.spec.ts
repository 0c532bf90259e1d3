import { expect, test } from '@playwright/test';
import { PROFILES } from '../src/engine';
import { LessonPage } from './pages/lesson';

let lesson: LessonPage;

test.beforeEach(async ({ page }) => {
  lesson = new LessonPage(page);
  await lesson.open();
});

test('under Kong a keyless request to an unknown path is 404 with Kong’s body; the graph and the differences follow', async () => {
  const { playground } = lesson;
  await playground.field('Gateway rules').selectOption({ label: PROFILES.kong.label });
  // The graph draws Kong's order: the router first.
  const stages = playground.graph.locator('[data-stage]');
  await expect(stages).toHaveCount(3);
  await expect(stages.first()).toContainText('Router');
  await expect(stages.nth(1)).toContainText('key-auth');
  await expect(
    playground.root.getByRole('list', { name: 'How Kong differs from the lesson' }),
  ).toContainText('An unknown path is answered 404 before the key is looked at');

  await playground.sendOne({ client: 'Anonymous script (no key)', path: '/no-such-path' });
  await expect(playground.rows(404)).toHaveCount(1);
  await playground.openHeaders(404);
  await expect(playground.root.locator('.trace-details')).toContainText(
    '{"message":"no Route matched with those values"}',
  );

  // Back to the lesson: the same request is refused by the key check first.
  await playground.field('Gateway rules').selectOption({ label: PROFILES.lesson.label });
  await expect(stages.first()).toContainText('Auth');
  await playground.sendOne({ client: 'Anonymous script (no key)', path: '/no-such-path' });
  await expect(playground.rows(401)).toHaveCount(1);
});

test('the profile experiment is completed through its own controls: predict, then the same traffic under the lesson and under Kong', async () => {
  const card = lesson.experiment('lesson-vs-kong');
  await card.getByLabel('Of the 10 keyed requests, Kong lets through').fill('10');
  await card.getByRole('button', { name: 'Save the Kong prediction' }).click();
  await card.getByRole('button', { name: 'Send the traffic under the lesson' }).click();
  await card.getByRole('button', { name: 'Send the traffic under Kong' }).click();
  await lesson.expectDone('lesson-vs-kong');
  await expect(lesson.feedback('lesson-vs-kong')).toContainText(
    /^✔ Your prediction, 10, was right/,
  );
  await expect(lesson.feedback('lesson-vs-kong')).toContainText('Under the lesson 5 of 10 passed');
  await expect(lesson.feedback('lesson-vs-kong')).toContainText('401 from the lesson');
  await expect(lesson.feedback('lesson-vs-kong')).toContainText('404 from Kong');
});
