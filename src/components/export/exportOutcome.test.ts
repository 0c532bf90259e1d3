import { describe, expect, it } from 'vitest';
import { EXPORT_TARGETS } from '../../engine/export';
import type { ExportTarget, GatewayConfig } from '../../engine/export';
import { chosenTarget, exportOutcome, mimeType } from './exportOutcome';

const CONFIG: GatewayConfig = {
  routes: [{ path: '/api/users', service: 'http://user-service:3001' }],
  keys: ['abc123'],
  limit: { requests: 5, windowMs: 60_000 },
};

describe('exportOutcome', () => {
  it('gives the file and what is not expressed for every registered target', () => {
    for (const target of EXPORT_TARGETS) {
      const outcome = exportOutcome(target, CONFIG);
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expect(outcome.result.notExpressed.length).toBeGreaterThan(0);
    }
  });

  it('turns a bad setting into a message naming the field', () => {
    const outcome = exportOutcome(EXPORT_TARGETS[0] as ExportTarget, {
      ...CONFIG,
      routes: [{ path: 'api/users', service: 'user-service' }],
    });
    expect(outcome).toEqual({
      ok: false,
      setting: 'routes[0].path',
      message: 'routes[0].path: a route path must start with "/", got "api/users"',
    });
  });

  it('turns any other failure into a message instead of throwing', () => {
    const broken: ExportTarget = {
      id: 'broken',
      label: 'Broken',
      format: 'nothing',
      emit: () => {
        throw new Error('boom');
      },
    };
    expect(exportOutcome(broken, CONFIG)).toEqual({
      ok: false,
      setting: null,
      message: 'The export failed: boom',
    });
  });
});

describe('chosenTarget', () => {
  it('keeps the chosen target while it is offered, else falls back to the first', () => {
    expect(chosenTarget(EXPORT_TARGETS, 'envoy')?.id).toBe('envoy');
    expect(chosenTarget(EXPORT_TARGETS, 'gone')?.id).toBe('nginx');
    expect(chosenTarget(EXPORT_TARGETS, null)?.id).toBe('nginx');
    expect(chosenTarget([], 'nginx')).toBeUndefined();
  });
});

describe('mimeType', () => {
  it('is YAML for .yml and .yaml files, plain text otherwise', () => {
    expect(mimeType('kong.yml')).toBe('application/yaml');
    expect(mimeType('openapi.yaml')).toBe('application/yaml');
    expect(mimeType('nginx.conf')).toBe('text/plain');
  });
});
