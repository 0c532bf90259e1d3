import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // Real-nginx tests run only through `npm run test:nginx` (vitest.nginx.config.ts).
    exclude: ['**/node_modules/**', 'test/nginx/**'],
    environment: 'node',
  },
});
