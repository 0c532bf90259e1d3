import { expect, type Locator, type Page } from '@playwright/test';
import { PlaygroundPage } from './playground';

/** The lesson around the playground: experiments, quiz and progress, found by their labels. */
export class LessonPage {
  readonly playground: PlaygroundPage;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.playground = new PlaygroundPage(page);
    this.progress = page.getByRole('complementary', { name: 'Your progress' });
  }

  async open(): Promise<void> {
    // Reduced motion: the playground decides sent requests at once instead of animating them.
    await this.page.emulateMedia({ reducedMotion: 'reduce' });
    await this.playground.open();
  }

  experiment(id: string): Locator {
    return this.page.locator(`[data-experiment="${id}"]`);
  }

  async expectDone(id: string): Promise<void> {
    await expect(this.experiment(id).locator('[data-status="done"]')).toBeVisible();
  }

  /** The line under an experiment that says what its check sees. */
  feedback(id: string): Locator {
    return this.experiment(id).getByTestId('experiment-feedback');
  }

  async setUpScenario(id: string): Promise<void> {
    await this.experiment(id).getByRole('button', { name: 'Set up this scenario' }).click();
    await expect(this.experiment(id).getByTestId('experiment-note')).toContainText('set up');
  }

  /** Shows every hint (so "Show me" appears), then plays the solution. */
  async showMe(id: string): Promise<void> {
    const card = this.experiment(id);
    // The experiments are built after the playground: until then there is no hint to count.
    await expect(card).toBeVisible();
    const next = card.getByRole('button', { name: /^Show hint/ });
    while ((await next.count()) > 0) await next.click();
    await card.getByRole('button', { name: 'Show me' }).click();
    await expect(card.getByTestId('experiment-note')).toContainText('Played a solution');
  }

  async predict(requestNumber: number): Promise<void> {
    await this.page
      .getByLabel('Rate limiting starts on request number')
      .fill(String(requestNumber));
    await this.page.getByRole('button', { name: 'Save prediction' }).click();
  }

  async addRoute(path: string, service: string): Promise<void> {
    await this.page.getByLabel('New route', { exact: true }).fill(path);
    await this.page.getByLabel('Service', { exact: true }).selectOption({ label: service });
    await this.page.getByRole('button', { name: 'Add route' }).click();
  }

  async applyLookup(source: string): Promise<void> {
    await this.page.getByLabel('Route lookup (JavaScript)').fill(source);
    await this.page.getByRole('button', { name: 'Apply my lookup' }).click();
  }

  question(id: string): Locator {
    return this.page.locator(`[data-question^="${id}"]`);
  }

  async answer(id: string, optionTexts: readonly string[]): Promise<void> {
    const question = this.question(id);
    for (const text of optionTexts) await question.getByLabel(text, { exact: true }).check();
    await question.getByRole('button', { name: /Check/ }).click();
  }
}
