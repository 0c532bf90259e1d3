import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // No source maps in the build: they were 6.7 MB shipped next to the app for nobody.
  build: { target: 'es2022', sourcemap: false },
});
