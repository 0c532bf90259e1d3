import { expect, type Locator, type Page } from '@playwright/test';

/** The playground as a learner sees it: controls by their labels, the log, the graph's figures. */
export class PlaygroundPage {
  readonly log: Locator;
  readonly clock: Locator;
  readonly graph: Locator;
  /** The tour sits in the lesson's "Visual model" section, beside the playground. */
  readonly tour: Locator;
  readonly tourStart: Locator;
  /** The playground section: the page has other sections with buttons of the same names. */
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('section.playground');
    this.log = this.root.getByRole('list', { name: 'Request log' });
    this.clock = this.root.getByTestId('clock');
    this.graph = this.root.locator('.graph-box');
    this.tour = page.getByRole('region', { name: 'Tour' });
    this.tourStart = page.getByRole('button', { name: 'Start tour' });
  }

  button(name: string | RegExp): Locator {
    return this.root.getByRole('button', { name, exact: typeof name === 'string' });
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.button('Send burst')).toBeVisible();
  }

  async sendBurst(options: { client?: string; path?: string; count?: string } = {}) {
    if (options.client !== undefined) {
      await this.field('Client (API key)').selectOption({ label: options.client });
    }
    if (options.path !== undefined) await this.field('Path').fill(options.path);
    if (options.count !== undefined) await this.field('How many (1–10,000)').fill(options.count);
    await this.button('Send burst').click();
  }

  async sendOne(options: { client?: string; path?: string } = {}) {
    if (options.client !== undefined) {
      await this.field('Client (API key)').selectOption({ label: options.client });
    }
    if (options.path !== undefined) await this.field('Path').fill(options.path);
    await this.button('Send one').click();
  }

  rows(status?: number): Locator {
    return this.log.locator(status === undefined ? '[data-status]' : `[data-status="${status}"]`);
  }

  /** Opens the response headers of the (one) logged request with this status. */
  async openHeaders(status: number): Promise<void> {
    await this.rows(status)
      .getByRole('button', { name: /Headers/ })
      .click();
  }

  /** The log's count of all requests ('all') or of one status. */
  count(what: 'all' | number): Locator {
    return this.root.getByTestId(`count-${what}`);
  }

  gatewayCount(status: number): Locator {
    return this.graph.locator(`[data-gateway-count="${status}"]`);
  }

  /** The gateway's four counters as the graph shows them, e.g. "200: 5 · 401: 0 · 404: 0 · 429: 1". */
  async gatewayCounts(): Promise<string> {
    const chips = await this.graph.locator('[data-gateway-count]').allTextContents();
    return chips.join(' · ');
  }

  clientNode(label: string): Locator {
    return this.graph.locator('.client-node', { hasText: label });
  }

  async setSpeed(speed: string): Promise<void> {
    await this.field('Speed').selectOption(speed);
  }

  /** The simulated clock in seconds. */
  async clockSeconds(): Promise<number> {
    const text = (await this.clock.textContent()) ?? '';
    const match = /t\s=\s([\d.]+)\ss/.exec(text);
    if (match === null) throw new Error(`clock reads "${text}"`);
    return Number(match[1]);
  }

  playButton(): Locator {
    return this.root
      .getByRole('group', { name: 'Playback' })
      .getByRole('button', { name: /Play|Pause/ });
  }
}
