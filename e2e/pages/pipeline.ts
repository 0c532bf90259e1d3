import { expect, type Locator, type Page } from '@playwright/test';
import { PlaygroundPage } from './playground';

/** The Pipeline panel and the graph's instances, as a learner uses them. */
export class PipelinePage {
  readonly playground: PlaygroundPage;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.playground = new PlaygroundPage(page);
    this.form = this.playground.root.getByRole('form', { name: 'Pipeline' });
  }

  async openPanel(): Promise<void> {
    if (!(await this.form.isVisible()))
      await this.playground.root.locator('summary', { hasText: 'Pipeline' }).click();
    await expect(this.form).toBeVisible();
  }

  stage(label: RegExp): Locator {
    return this.form.getByRole('checkbox', { name: label });
  }

  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  async apply(): Promise<void> {
    await this.form.getByRole('button', { name: 'Apply pipeline' }).click();
  }

  /** A problem shown beside a field. */
  problem(label: string): Locator {
    return this.form
      .locator('.field', { has: this.page.getByLabel(label, { exact: true }) })
      .getByRole('alert');
  }

  /** The graph's stage boxes, in the order drawn. */
  stages(): Locator {
    return this.playground.graph.locator('[data-stage]');
  }

  /** An instance's button on its service node, e.g. `user-service-2`. */
  instance(name: string): Locator {
    return this.playground.graph.locator(`[data-instance="${name}"]`);
  }

  async setMethod(method: 'GET' | 'POST'): Promise<void> {
    await this.playground.field('Method').selectOption(method);
  }
}
