import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { createAppState } from '../../store';
import { PIPELINE_OFF } from '../../store/pipeline';
import { draftOf, parsePipelineDraft } from './pipelineForm';

describe('the Pipeline panel form', () => {
  it('reads back the config it was drafted from', () => {
    const draft = { ...draftOf(PIPELINE_OFF), cacheOn: true, balancerOn: true, instances: '3' };
    const parsed = parsePipelineDraft(draft);
    expect(parsed.ok && parsed.config.cache).toEqual({ ttlMs: 30_000 });
    expect(parsed.ok && parsed.config.instances).toBe(3);
    if (parsed.ok) expect(parsePipelineDraft(draftOf(parsed.config))).toEqual(parsed);
  });

  it('names each bad field and keeps what is right; a stage that is off is not checked', () => {
    const draft = {
      ...draftOf(PIPELINE_OFF),
      cacheOn: true,
      ttlMs: '0',
      balancerOn: true,
      instances: 'three',
      failures: '2.5',
    };
    const parsed = parsePipelineDraft(draft);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.ttlMs).toBe('TTL must be at least 1.');
    expect(parsed.problems.instances).toBe('Instances must be a number.');
    expect(parsed.problems.failures).toBe('Failures before ejection must be a whole number.');
    expect(parsed.problems.cooldownMs).toBeUndefined();
    expect(parsePipelineDraft({ ...draftOf(PIPELINE_OFF), ttlMs: 'x' }).ok).toBe(true);
  });

  it('refuses more instances than the graph can draw, with nothing applied', () => {
    const store = create(createAppState);
    const parsed = parsePipelineDraft({
      ...draftOf(PIPELINE_OFF),
      balancerOn: true,
      instances: '6',
    });
    expect(parsed.ok).toBe(false);
    expect(store.getState().pipeline).toEqual(PIPELINE_OFF);
  });
});
