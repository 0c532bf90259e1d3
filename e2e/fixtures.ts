import { test as base } from '@playwright/test';
import { PlaygroundPage } from './pages/playground';

/** Tests get a fresh page with the playground open (localStorage is per test context). */
export const test = base.extend<{ playground: PlaygroundPage }>({
  playground: async ({ page }, provide) => {
    const playground = new PlaygroundPage(page);
    await playground.open();
    await provide(playground);
  },
});

export { expect } from '@playwright/test';
