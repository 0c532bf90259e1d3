import { defineConfig } from 'vitest/config';

// The real-nginx agreement tests (npm run test:nginx): slow, and they need an nginx binary, so the
// default unit run leaves them out.
export default defineConfig({
  test: {
    include: ['test/nginx/**/*.nginx.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
  },
});
