import { expect, test } from './fixtures';
import { LessonPage } from './pages/lesson';

test('"Try again" after a section\'s chunk failed to arrive loads it, and the page kept working', async ({
  page,
}) => {
  // The quiz's chunk fails once (a flaky network, a deploy mid-visit), then arrives.
  let blocked = 0;
  await page.route(/\/assets\/Quiz-[^/]*\.js$/, (route) => {
    if (blocked++ === 0) return route.abort();
    return route.continue();
  });
  const lesson = new LessonPage(page);
  await lesson.open();
  const quiz = page.locator('#quiz');
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz.getByRole('alert')).toContainText('“Quick quiz” stopped working');

  // The rest of the page works meanwhile: a burst of 6 gives five 200s and one 429.
  await lesson.playground.sendBurst({ count: '6' });
  await expect(lesson.playground.count(200)).toContainText('5');
  await expect(lesson.playground.count(429)).toContainText('1');

  await quiz.getByRole('button', { name: 'Try again' }).click();
  await expect(quiz.getByRole('alert')).toHaveCount(0);
  await lesson.answer('order-of-checks', ['Authenticate, then rate-limit, then route']);
  await expect(lesson.question('order-of-checks')).toContainText('Correct.');
  expect(blocked).toBe(2);
});
