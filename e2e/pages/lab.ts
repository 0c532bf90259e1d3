import { expect, type Locator, type Page } from '@playwright/test';

/** The algorithm lab section, found by its labels. */
export class LabPage {
  readonly section: Locator;
  readonly timelines: Locator;
  readonly figures: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.section = page.locator('#lab');
    this.timelines = this.section.getByRole('img', { name: / timeline: / });
    this.figures = this.section.getByRole('table', { name: 'Figures per algorithm' });
    this.status = this.section.getByRole('status').first();
  }

  async open(): Promise<void> {
    await this.page.goto('/#lab');
    await expect(this.status).toContainText('algorithms decided the trace', { timeout: 20_000 });
  }

  /** A figure of one algorithm's row in the figures table. */
  figure(algorithmLabel: string, figure: string): Locator {
    return this.figures
      .getByRole('row', { name: new RegExp(`^${escape(algorithmLabel)}`) })
      .locator(`[data-figure="${figure}"]`);
  }

  async chooseTrace(label: string): Promise<void> {
    await this.section.getByLabel('Trace', { exact: true }).selectOption({ label });
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
