import { expect, type Locator, type Page } from '@playwright/test';

/** The playground's gateway settings form (inside its disclosure), by its labels. */
export class SettingsPage {
  readonly form: Locator;
  readonly applied: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Gateway settings' });
    this.applied = this.form.getByRole('status');
  }

  async open(): Promise<void> {
    await this.page.getByText('Gateway settings (limit, window, algorithm, key check)').click();
    await expect(this.form).toBeVisible();
  }

  field(label: 'Max requests per window' | 'Window (ms)'): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  /** The problem shown beside a field (tied to it by aria-describedby). */
  problem(label: 'Max requests per window' | 'Window (ms)'): Locator {
    return this.field(label).locator('xpath=..').getByRole('alert');
  }

  async apply(settings: { maxRequests?: string; windowMs?: string; algorithm?: string }) {
    if (settings.maxRequests !== undefined)
      await this.field('Max requests per window').fill(settings.maxRequests);
    if (settings.windowMs !== undefined) await this.field('Window (ms)').fill(settings.windowMs);
    if (settings.algorithm !== undefined)
      await this.form.getByLabel('Algorithm').selectOption({ label: settings.algorithm });
    await this.form.getByRole('button', { name: 'Apply settings' }).click();
  }
}
