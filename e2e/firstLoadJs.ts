import { gzipSync } from 'node:zlib';
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
 * Lists, inside the page, every script it has fetched, then fetches each again from the test (the
 * page's Content-Security-Policy forbids it to fetch) and gzips it with Node, so the figure does not
 * depend on whether the preview server compresses. A file counts as first load when its request
 * started before the app's idle mark.
 */
export async function jsFetched(page: Page): Promise<JsFetched> {
  // A string, not a function: tsx (the benchmarks) would wrap a function in a helper the page lacks.
  const entries = (await page.evaluate(`(() => {
    const mark = performance.getEntriesByName(${JSON.stringify(IDLE_LOAD_MARK)})[0];
    const idleAt = mark === undefined ? Infinity : mark.startTime;
    return performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.endsWith('.js'))
      .map((e) => ({ url: e.name, firstLoad: e.startTime < idleAt }));
  })()`)) as { url: string; firstLoad: boolean }[];
  const files: JsFile[] = [];
  for (const entry of entries) {
    const body = await (await page.request.get(entry.url)).body();
    files.push({ ...entry, gzipBytes: gzipSync(body).byteLength });
  }
  const sum = (list: readonly JsFile[]) => list.reduce((total, f) => total + f.gzipBytes, 0);
  return {
    files,
    firstLoadGzipBytes: sum(files.filter((f) => f.firstLoad)),
    totalGzipBytes: sum(files),
  };
}
