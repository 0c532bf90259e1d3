import type { Locator, Page } from '@playwright/test';

/** The timeline under the graph: scrub to a moment, step back, undo. */
export class TimelinePage {
  readonly root: Locator;
  readonly slider: Locator;
  readonly back: Locator;
  readonly undo: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('group', { name: 'Timeline' });
    this.slider = this.root.getByRole('slider', { name: 'Time' });
    this.back = this.root.getByRole('button', { name: /Back/ });
    this.undo = this.root.getByRole('button', { name: 'Undo' });
  }

  /** Drags the scrubber to a moment in simulated ms (the slider's own steps are 10 ms). */
  async scrubTo(ms: number): Promise<void> {
    await this.slider.fill(String(ms));
  }

  /** The timeline's end: the latest moment reached. */
  async endMs(): Promise<number> {
    return Number(await this.slider.getAttribute('max'));
  }
}
