import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { LAB_START } from '../src/content/lab';
import { replicaAnswer, SCALE_OUT_ID } from '../src/content/scaleExperiment';
import { ALGORITHMS } from '../src/engine/limiters';
import { LabPage } from './pages/lab';
import { LessonPage } from './pages/lesson';

const fixedWindow = ALGORITHMS.find((a) => a.name === 'fixed-window')?.label ?? 'fixed window';

test('a boundary burst: one timeline per algorithm, and the fixed window lets 2× the limit through', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await expect(lab.section.getByLabel('Trace', { exact: true })).toHaveValue('boundary-burst');
  await expect(lab.timelines).toHaveCount(ALGORITHMS.length);
  await expect(lab.figure(fixedWindow, 'most-in-any-window')).toHaveText(
    new RegExp(`^${2 * LAB_START.maxRequests}\\b`),
  );
  await expect(lab.section.locator('.lab-verdict li').first()).toContainText(
    `${2 * LAB_START.maxRequests} through`,
  );
});

test('the time axis scrubs with the keyboard, and the table shows the same state', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  const axis = lab.section.getByRole('slider', { name: 'Time on the shared axis' });
  await axis.focus();
  await page.keyboard.press('Home');
  await lab.section.getByRole('button', { name: 'Show as table' }).click();
  const stateTable = lab.section.getByRole('table', { name: /^State of every algorithm at/ });
  const fixedRow = stateTable.getByRole('row', { name: new RegExp(`^${fixedWindow}`) });
  // At the first request, one has been allowed; at the end, all the fixed window allowed.
  await expect(fixedRow.getByRole('cell').first()).toHaveText('1');
  await axis.focus();
  await page.keyboard.press('End');
  await expect(fixedRow.getByRole('cell').first()).toHaveText(String(2 * LAB_START.maxRequests));
  await expect(axis).toHaveAttribute('aria-valuetext', /s$/);
  // A press on the drawing's left edge moves the same cursor back to the start.
  const drawing = lab.section.getByRole('group', { name: /^Timelines/ });
  const box = await drawing.boundingBox();
  if (box === null) throw new Error('the timelines are not drawn');
  await page.mouse.click(box.x + 2, box.y + box.height / 2);
  await expect(fixedRow.getByRole('cell').first()).toHaveText('1');
});

test('a drawn trace: requests added at typed times and removed, with a message for a bad time', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.chooseTrace('Drawn by you');
  await lab.section.getByRole('button', { name: 'Remove all' }).click();
  await expect(lab.status).toContainText('draw at least one request');
  const time = lab.section.getByLabel('Add a request at (seconds)');
  await time.fill('-3');
  await lab.section.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(lab.section.getByRole('alert')).toContainText('Time in seconds');
  for (const seconds of ['1', '2', '3']) {
    await time.fill(seconds);
    await lab.section.getByRole('button', { name: 'Add', exact: true }).click();
  }
  await expect(lab.status).toContainText('algorithms decided the trace');
  await expect(lab.figure(fixedWindow, 'most-in-any-window')).toHaveText('3');
  await lab.section.getByRole('button', { name: 'Remove the request at 2 s' }).click();
  await expect(lab.figure(fixedWindow, 'most-in-any-window')).toHaveText('2');
});

test('the scale-out experiment is completed through the page, and the lab draws the replicas', async ({
  page,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  const card = lesson.experiment(SCALE_OUT_ID);
  await card
    .getByLabel('Requests passed with local counters')
    .fill(String(replicaAnswer().local.admitted));
  await card.getByLabel('Requests passed with a shared store').fill('25');
  await card.getByRole('button', { name: 'Check my prediction' }).click();
  await expect(card.getByRole('alert')).toContainText('the second field');
  await card
    .getByLabel('Requests passed with a shared store')
    .fill(String(replicaAnswer().shared.admitted));
  await card.getByRole('button', { name: 'Check my prediction' }).click();
  await lesson.expectDone(SCALE_OUT_ID);
  await expect(lesson.feedback(SCALE_OUT_ID)).toContainText(/^✔/);

  const lab = new LabPage(page);
  const admitted = lab.section.getByRole('table', { name: 'Admitted requests' });
  await expect(admitted.locator('[data-figure="admitted"]')).toHaveText(
    String(replicaAnswer().local.admitted),
  );
  await lab.section.getByLabel('in a shared store').check();
  await lab.section.getByLabel('atomic increment (INCR first)').check();
  await expect(admitted.locator('[data-figure="admitted"]')).toHaveText(
    String(replicaAnswer().shared.admitted),
  );
});

test('axe finds no WCAG A/AA problems in the lab with its tables, a drawn trace and a shared store', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const lab = new LabPage(page);
  await lab.open();
  await lab.section.getByRole('button', { name: 'Show as table' }).click();
  await lab.chooseTrace('Drawn by you');
  await lab.section.getByLabel('in a shared store').check();
  await expect(lab.status).toContainText('algorithms decided the trace');
  const results = await new AxeBuilder({ page })
    .include('#lab')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
  ).toEqual([]);
});
