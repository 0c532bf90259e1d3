import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { SERVICES } from '../../content/services';
import { createAppState } from '../../store';
import { PIPELINE_DEFAULTS, PIPELINE_OFF } from '../../store/pipeline';
import { draftOf, parsePipelineDraft, type PipelineDraft } from './pipelineForm';

/** Every service's field set to `count`, then the ones in `own` set to theirs. */
function counts(count: string, own: Record<string, string> = {}): PipelineDraft['instances'] {
  return { ...Object.fromEntries(SERVICES.map((s) => [s.id, count])), ...own };
}

describe('the Pipeline panel form', () => {
  it('reads back the config it was drafted from', () => {
    const draft = {
      ...draftOf(PIPELINE_OFF),
      cacheOn: true,
      balancerOn: true,
      instances: counts('3'),
    };
    const parsed = parsePipelineDraft(draft);
    expect(parsed.ok && parsed.config.cache).toEqual({ ttlMs: 30_000 });
    expect(parsed.ok && parsed.config.instances).toBe(3);
    expect(parsed.ok && parsed.config.serviceInstances).toBeUndefined();
    if (parsed.ok) expect(parsePipelineDraft(draftOf(parsed.config))).toEqual(parsed);
  });

  it('gives each service its own count, written as the services that differ', () => {
    const draft = {
      ...draftOf(PIPELINE_OFF),
      balancerOn: true,
      instances: counts('2', { 'order-service': '5', 'payment-service': '1' }),
    };
    const parsed = parsePipelineDraft(draft);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.config.instances).toBe(2);
    expect(parsed.config.serviceInstances).toEqual({ 'order-service': 5, 'payment-service': 1 });
    expect(draftOf(parsed.config).instances).toEqual(draft.instances);
  });

  it('names each bad field and keeps what is right; a stage that is off is not checked', () => {
    const draft = {
      ...draftOf(PIPELINE_OFF),
      cacheOn: true,
      ttlMs: '0',
      balancerOn: true,
      instances: counts('2', { 'order-service': 'three' }),
      failures: '2.5',
    };
    const parsed = parsePipelineDraft(draft);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.ttlMs).toBe('TTL must be at least 1.');
    expect(parsed.problems['instances:order-service']).toBe(
      'Order service instances must be a number.',
    );
    expect(parsed.problems['instances:user-service']).toBeUndefined();
    expect(parsed.problems.failures).toBe('Failures before ejection must be a whole number.');
    expect(parsed.problems.cooldownMs).toBeUndefined();
    expect(parsePipelineDraft({ ...draftOf(PIPELINE_OFF), ttlMs: 'x' }).ok).toBe(true);
    // Balancing off: the counts are not read, every service runs one instance.
    const off = parsePipelineDraft({ ...draftOf(PIPELINE_OFF), instances: counts('x') });
    expect(off.ok && off.config.instances).toBe(1);
  });

  it('refuses more instances than the graph can draw, with nothing applied', () => {
    const store = create(createAppState);
    const parsed = parsePipelineDraft({
      ...draftOf(PIPELINE_OFF),
      balancerOn: true,
      instances: counts('2', { 'notification-service': '6' }),
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems['instances:notification-service']).toBe(
        'Notification service instances must be at most 5. Nothing was changed.',
      );
    expect(store.getState().pipeline).toEqual(PIPELINE_OFF);
  });

  it('drafts a config from before per-service counts as every service with that count', () => {
    const old = { ...PIPELINE_OFF, balancer: PIPELINE_DEFAULTS.balancer, instances: 4 };
    expect(draftOf(old).instances).toEqual(counts('4'));
  });
});
