import type { Page } from '@playwright/test';
import { IDLE_LOAD_MARK } from '../src/components/lazy/whenIdle';

/** The most JavaScript, gzip-compressed, that the first screen may fetch (issue 13). */
export const FIRST_LOAD_JS_BUDGET_BYTES = 150 * 1024;

export interface JsFile {
  readonly url: string;
  readonly gzipBytes: number;
  /** Fetched before the app began loading the rest in idle time. */
  readonly firstLoad: boolean;
}

export interface JsFetched {
  readonly files: readonly JsFile[];
  /** Gzip bytes of the JS fetched before the idle mark (all of it when the app never marks). */
  readonly firstLoadGzipBytes: number;
  readonly totalGzipBytes: number;
}

/**
 * Measures, inside the page, every script it has fetched: each body is fetched again (from the
 * HTTP cache) and gzip-compressed with the browser's own CompressionStream, so the figure does not
 * depend on whether the preview server compresses. A file counts as first load when its request
 * started before the app's idle mark.
 */
export async function jsFetched(page: Page): Promise<JsFetched> {
  // A string, not a function: tsx (the benchmarks) would wrap a function in a helper the page lacks.
  const files = (await page.evaluate(`(async () => {
    const mark = performance.getEntriesByName(${JSON.stringify(IDLE_LOAD_MARK)})[0];
    const idleAt = mark === undefined ? Infinity : mark.startTime;
    const entries = performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.endsWith('.js'));
    const out = [];
    for (const entry of entries) {
      const body = (await fetch(entry.name)).body;
      const gzip = body.pipeThrough(new CompressionStream('gzip'));
      const bytes = (await new Response(gzip).arrayBuffer()).byteLength;
      out.push({ url: entry.name, gzipBytes: bytes, firstLoad: entry.startTime < idleAt });
    }
    return out;
  })()`)) as JsFile[];
  const sum = (list: readonly JsFile[]) => list.reduce((total, f) => total + f.gzipBytes, 0);
  return {
    files,
    firstLoadGzipBytes: sum(files.filter((f) => f.firstLoad)),
    totalGzipBytes: sum(files),
  };
}
