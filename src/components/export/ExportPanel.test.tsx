import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EXPORT_TARGETS, exportTarget } from '../../engine/export';
import type { GatewayConfig } from '../../engine/export';
import { ExportPanel } from './ExportPanel';

const CONFIG: GatewayConfig = {
  routes: [{ path: '/api/users', service: 'http://user-service:3001' }],
  keys: ['abc123'],
  limit: { requests: 5, windowMs: 60_000 },
};

describe('ExportPanel', () => {
  it('offers every target given, shows the first one’s file, its buttons and what it cannot say', () => {
    const html = renderToStaticMarkup(<ExportPanel config={CONFIG} targets={EXPORT_TARGETS} />);
    for (const target of EXPORT_TARGETS) expect(html).toContain(`value="${target.id}"`);
    expect(html).toContain('Copy nginx.conf');
    expect(html).toContain('Download nginx.conf');
    expect(html).toContain('limit_req_zone $http_x_api_key');
    const nginx = exportTarget('nginx')?.emit(CONFIG);
    for (const note of nginx?.notExpressed ?? []) {
      expect(html).toContain(`<li>${note.replaceAll('&', '&amp;')}</li>`);
    }
  });

  it('shows why a config cannot be exported instead of a file', () => {
    const html = renderToStaticMarkup(
      <ExportPanel config={{ ...CONFIG, keys: [''] }} targets={EXPORT_TARGETS} />,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('keys[0]: an API key is non-empty printable text');
    expect(html).not.toContain('Download');
  });
});
