import { Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { prerender } from 'react-dom/static';
import { describe, expect, it } from 'vitest';
import { lazyWithRetry, retryFailedLoads } from './lazyWithRetry';

function Section({ name }: { name: string }) {
  return <p>{`${name} loaded`}</p>;
}

/** The page's HTML once everything it waits for has loaded, or the load's error. */
async function html(element: React.ReactNode): Promise<string> {
  try {
    const { prelude } = await prerender(<Suspense fallback="loading">{element}</Suspense>, {
      onError: () => {},
    });
    return await new Response(prelude).text();
  } catch (error) {
    return `failed: ${(error as Error).message}`;
  }
}

/** A chunk whose first `failures` fetches fail, as a flaky network would. */
function flakyChunk(failures: number) {
  const loads = { count: 0 };
  const load = () => {
    loads.count++;
    return loads.count <= failures
      ? Promise.reject(new Error('Failed to fetch dynamically imported module'))
      : Promise.resolve({ default: Section });
  };
  return { load, loads };
}

describe('lazyWithRetry', () => {
  it('loads once and renders the component with its props', async () => {
    const chunk = flakyChunk(0);
    const Lazy = lazyWithRetry(chunk.load);
    expect(await html(<Lazy name="quiz" />)).toContain('quiz loaded');
    expect(await html(<Lazy name="quiz" />)).toContain('quiz loaded');
    expect(chunk.loads.count).toBe(1);
  });

  it('keeps a failed load until told to retry, then imports again', async () => {
    const chunk = flakyChunk(1);
    const Lazy = lazyWithRetry(chunk.load);
    expect(await html(<Lazy name="lab" />)).not.toContain('lab loaded');
    // Rendering again shows the same failure: nothing asks the network behind the learner's back.
    expect(await html(<Lazy name="lab" />)).not.toContain('lab loaded');
    expect(chunk.loads.count).toBe(1);
    retryFailedLoads();
    expect(await html(<Lazy name="lab" />)).toContain('lab loaded');
    expect(chunk.loads.count).toBe(2);
  });

  it('retries only loads that failed', async () => {
    const good = flakyChunk(0);
    const Good = lazyWithRetry(good.load);
    expect(await html(<Good name="quiz" />)).toContain('quiz loaded');
    retryFailedLoads();
    expect(await html(<Good name="quiz" />)).toContain('quiz loaded');
    expect(good.loads.count).toBe(1);
  });

  it('renders at once, without suspending, once preloaded: the same load as rendering', async () => {
    const chunk = flakyChunk(0);
    const Lazy = lazyWithRetry(chunk.load);
    const now = () =>
      renderToString(<Suspense fallback="loading">{<Lazy name="editor" />}</Suspense>);
    expect(now()).not.toContain('editor loaded');
    await Lazy.preload();
    expect(now()).toContain('editor loaded');
    await Lazy.preload();
    expect(chunk.loads.count).toBe(1);
  });

  it('keeps a failed preload as the failure rendering shows, until told to retry', async () => {
    const chunk = flakyChunk(1);
    const Lazy = lazyWithRetry(chunk.load);
    await expect(Lazy.preload()).rejects.toThrow('Failed to fetch');
    expect(await html(<Lazy name="editor" />)).not.toContain('editor loaded');
    expect(chunk.loads.count).toBe(1);
    retryFailedLoads();
    await Lazy.preload();
    expect(await html(<Lazy name="editor" />)).toContain('editor loaded');
    expect(chunk.loads.count).toBe(2);
  });
});
