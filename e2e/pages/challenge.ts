import { expect, type Locator, type Page } from '@playwright/test';

/** The coding challenge section, as a learner uses it. */
export class ChallengePage {
  readonly section: Locator;
  readonly editor: Locator;
  readonly runButton: Locator;
  readonly resetButton: Locator;
  readonly summary: Locator;
  readonly error: Locator;
  readonly results: Locator;
  /** The results of "Run samples". */
  readonly sampleResults: Locator;
  readonly samplesButton: Locator;
  readonly addCaseButton: Locator;
  readonly runCasesButton: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Coding challenge' });
    this.editor = this.section.getByRole('textbox', { name: 'Your RateLimiter code' });
    this.runButton = this.section.getByRole('button', { name: /Run tests|Running/ });
    this.resetButton = this.section.getByRole('button', { name: 'Reset to starter' });
    this.summary = this.section.getByTestId('challenge-summary');
    this.error = this.section.getByTestId('challenge-error');
    this.results = this.section.getByRole('list', { name: 'Test results' });
    this.sampleResults = this.section.getByRole('list', { name: 'Sample results' });
    this.samplesButton = this.section.getByRole('button', { name: 'Run samples' });
    this.addCaseButton = this.section.getByRole('button', { name: 'Add a case' });
    this.runCasesButton = this.section.getByRole('button', {
      name: /Run my cases|Running your cases/,
    });
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await this.section.scrollIntoViewIfNeeded();
    await expect(this.editor).toBeVisible();
  }

  /** Picks a challenge by its title; its editor is then named `editorLabel`. */
  async pick(title: string, editorLabel: string): Promise<Locator> {
    const radio = this.section.getByRole('radio', { name: new RegExp(`^${title}`) });
    await radio.click();
    await expect(radio).toBeChecked();
    const editor = this.section.getByRole('textbox', { name: editorLabel });
    await expect(editor).toBeVisible();
    return editor;
  }

  /** Replaces the editor's whole text, as typing would. */
  async replaceCode(source: string, editor: Locator = this.editor): Promise<void> {
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(source);
  }

  async run(): Promise<void> {
    await this.runButton.click();
  }

  async runSamples(): Promise<void> {
    await this.samplesButton.click();
  }

  /** The learner's own case number `n` (1-based). */
  ownCase(n: number): Locator {
    return this.section.getByRole('group', { name: `Case ${n}`, exact: true });
  }

  async runWithShortcut(): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+Enter');
  }

  result(name: string | RegExp): Locator {
    return this.results.getByRole('listitem').filter({ hasText: name });
  }
}
