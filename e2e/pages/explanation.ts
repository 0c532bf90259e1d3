import { expect, type Locator, type Page } from '@playwright/test';
import { PlaygroundPage } from './playground';

/** The panel under the graph that explains a clicked packet, log row or node. */
export class ExplanationPage {
  readonly playground: PlaygroundPage;
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.playground = new PlaygroundPage(page);
    this.panel = page.locator('#graph-explanation');
  }

  /** A stage box of the gateway, e.g. `rate-limit`: a button that explains the stage. */
  stage(name: string): Locator {
    return this.playground.graph.locator(`[data-stage="${name}"]`);
  }

  /** A client or service node's button, by the node's title. */
  node(title: string): Locator {
    return this.playground.graph.getByRole('button', {
      name: new RegExp(`^${title}\\b.*Explain$`),
    });
  }

  /** The log's row for request `id`. */
  row(id: number): Locator {
    return this.playground.log.locator(`[data-trace-id="${id}"]`);
  }

  /**
   * Scrubs to `atMs` (the packets stand still there) and clicks where the packets waiting at
   * `stage` are drawn: low in its box, as the layout places them.
   */
  async clickPacketsAt(stage: string, atMs: number): Promise<void> {
    await this.page.getByRole('slider', { name: 'Time', exact: true }).fill(String(atMs));
    const box = this.stage(stage);
    await box.scrollIntoViewIfNeeded();
    const rect = await box.boundingBox();
    if (rect === null) throw new Error(`stage ${stage} is not drawn`);
    await this.page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height - 10);
    await expect(this.panel).toBeVisible();
  }
}
