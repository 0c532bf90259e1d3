import { expect, test } from './fixtures';
import { SettingsPage } from './pages/settings';

test('Export config turns the playground into each gateway’s own file, and lists what it cannot say', async ({
  playground,
}) => {
  const { root } = playground;
  await root.getByText('Export config (nginx, Kong, Envoy, AWS)').click();
  const panel = root.locator('.export-panel');
  await panel.getByRole('radio', { name: 'nginx' }).check();
  const text = panel.locator('pre.export-text');
  await expect(text).toContainText('limit_req_zone');
  await expect(text).toContainText('abc123');
  await expect(panel.locator('.export-not-expressed li').first()).toBeVisible();

  await panel.getByRole('radio', { name: 'Kong' }).check();
  await expect(text).toContainText('_format_version');
  await expect(text).toContainText('key-auth');

  // The export follows the settings: a new limit is in the next file.
  const settings = new SettingsPage(playground.page);
  await settings.open();
  await settings.apply({ maxRequests: '9' });
  await panel.getByRole('radio', { name: 'Envoy' }).check();
  await expect(text).toContainText('max_tokens: 9');
});
