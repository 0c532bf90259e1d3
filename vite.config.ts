import { createServer, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './vite/csp.ts';

const ROOT_ELEMENT = '<div id="root"></div>';

/**
 * Renders the page's static header into index.html at build time (src/prerender.tsx), so the
 * first text paints before the script has loaded; the app then renders the same header in its
 * place. A build whose index.html has no empty #root fails rather than ship without it.
 */
function prerenderFirstScreen(): Plugin {
  return {
    name: 'prerender-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (!html.includes(ROOT_ELEMENT)) {
          throw new Error(`prerender-first-screen: index.html has no ${ROOT_ELEMENT}`);
        }
        const server = await createServer({
          configFile: false,
          plugins: [react()],
          appType: 'custom',
          logLevel: 'error',
          server: { middlewareMode: true, hmr: false, ws: false },
        });
        try {
          const { renderFirstScreen } = (await server.ssrLoadModule('/src/prerender.tsx')) as {
            renderFirstScreen: () => string;
          };
          return html.replace(ROOT_ELEMENT, `<div id="root">${renderFirstScreen()}</div>`);
        } finally {
          await server.close();
        }
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), prerenderFirstScreen()],
  worker: { format: 'es' },
  // No source maps in the build: they were 6.7 MB shipped next to the app for nobody.
  build: { target: 'es2022', sourcemap: false },
});
