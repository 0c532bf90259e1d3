import type { Plugin } from 'vite';

/**
 * The page's Content-Security-Policy. Scripts and workers come only from the app's own origin;
 * the app needs no network at run time (no API, no fonts, no analytics), so nothing may connect
 * anywhere. Not `default-src`: styles (React's inline `style` attributes) and images are not the
 * risk here, and restricting them would break the diagram.
 */
export const PAGE_POLICY = [
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * A dedicated worker loaded from a URL does not inherit the page's policy: it obeys the policy its
 * own response carries. Learner code runs in such a worker, compiled with `new Function` (hence
 * 'unsafe-eval'), and must reach no network: no fetch, WebSocket or remote import. The host must
 * send this header with the app's files; `vite preview` does so here. On the page itself both
 * apply, and the meta tag's stricter `script-src` wins.
 */
export const WORKER_POLICY = [
  "script-src 'self' 'unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * Puts PAGE_POLICY into the built index.html as a meta tag, and serves WORKER_POLICY as a header
 * from `vite preview`. Not for the dev server: its hot reload needs inline scripts and a WebSocket
 * that these policies forbid.
 */
export function contentSecurityPolicy(): Plugin[] {
  return [
    {
      name: 'gateway-playground:csp-meta',
      apply: 'build',
      transformIndexHtml: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: PAGE_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
    {
      name: 'gateway-playground:csp-preview-header',
      // `vite preview` resolves the config as 'serve', so `apply: 'build'` would leave it out.
      apply: (_config, env) => env.isPreview === true,
      configurePreviewServer(server) {
        server.middlewares.use((_request, response, next) => {
          response.setHeader('Content-Security-Policy', WORKER_POLICY);
          next();
        });
      },
    },
  ];
}
