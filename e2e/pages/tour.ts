import { expect, type Locator, type Page } from '@playwright/test';

/** The guided tour in the lesson's "Visual model" section. */
export class TourPage {
  readonly panel: Locator;
  readonly start: Locator;
  readonly next: Locator;
  readonly back: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Tour' });
    this.start = page.getByRole('button', { name: 'Start tour' });
    this.next = this.panel.getByRole('button', { name: 'Next' });
    this.back = this.panel.getByRole('button', { name: 'Back' });
    this.count = this.panel.locator('.tour-count');
  }

  /** Waits until step `n` (1-based) is shown and its moment is reached. */
  async expectStep(n: number): Promise<void> {
    await expect(this.count).toHaveText(new RegExp(`^Step ${n} of \\d+$`));
    await expect(this.panel).toHaveAttribute('aria-busy', 'false');
  }
}
