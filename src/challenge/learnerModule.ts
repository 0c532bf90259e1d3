import { transform } from 'sucrase';
import type { SourceProblem } from './types';

/** At most this many console lines are kept per run; the rest are counted. */
export const MAX_LOG_LINES = 200;

const SOURCE_URL = 'learner-code.js';

/**
 * Globals hidden from learner code by parameters of the same name. This is hygiene, not a wall
 * (`Function('return this')()` still reaches the real global): the wall is that verdicts are
 * computed from raw observations by the host, see src/sandbox/worker.ts.
 */
const HIDDEN_GLOBALS = [
  'self',
  'globalThis',
  'window',
  'document',
  'postMessage',
  'close',
  'importScripts',
  'addEventListener',
  'removeEventListener',
  'onmessage',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'BroadcastChannel',
  'Worker',
  'indexedDB',
  'caches',
  'localStorage',
  'sessionStorage',
  'location',
  'navigator',
  'setTimeout',
  'setInterval',
  'queueMicrotask',
] as const;

/** The wall clock learner code sees: stopped, so code that reads it cannot pass by luck. */
export const FROZEN_NOW_MS = 1_700_000_000_000;

class FrozenDate extends Date {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(FROZEN_NOW_MS);
    else super(...(args as [string]));
  }
  static override now(): number {
    return FROZEN_NOW_MS;
  }
}

/** Collects console output, capped at MAX_LOG_LINES. */
export class LogSink {
  readonly lines: string[] = [];
  private dropped = 0;

  write(level: string, args: readonly unknown[]): void {
    if (this.lines.length >= MAX_LOG_LINES) {
      this.dropped++;
      return;
    }
    const text = args.map(formatLogValue).join(' ');
    this.lines.push(level === 'log' ? text : `[${level}] ${text}`);
  }

  /** The kept lines, plus a last line saying how many were dropped. */
  snapshot(): string[] {
    return this.dropped === 0
      ? [...this.lines]
      : [...this.lines, `… ${this.dropped} more lines not shown (limit ${MAX_LOG_LINES})`];
  }
}

function formatLogValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Map) return `Map(${value.size}) ${safeJson([...value.entries()])}`;
  if (value instanceof Set) return `Set(${value.size}) ${safeJson([...value])}`;
  if (typeof value === 'object' && value !== null) return safeJson(value);
  return String(value);
}

function safeJson(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text.length > 500 ? `${text.slice(0, 500)}…` : text;
  } catch {
    return String(value);
  }
}

function learnerConsole(sink: LogSink) {
  const at =
    (level: string) =>
    (...args: unknown[]) =>
      sink.write(level, args);
  return {
    log: at('log'),
    info: at('info'),
    debug: at('debug'),
    warn: at('warn'),
    error: at('error'),
  };
}

/** TypeScript or JavaScript → plain JavaScript for a Function body; line numbers are kept. */
export function compileLearnerSource(
  source: string,
): { ok: true; code: string } | { ok: false; problem: SourceProblem } {
  try {
    const { code } = transform(source, {
      transforms: ['typescript', 'imports'],
      disableESTransforms: true,
    });
    return { ok: true, code };
  } catch (error) {
    const loc = (error as { loc?: { line?: unknown; column?: unknown } }).loc;
    const message =
      error instanceof Error ? error.message.replace(/\s*\(\d+:\d+\)$/, '') : String(error);
    if (loc && typeof loc.line === 'number' && typeof loc.column === 'number') {
      return {
        ok: false,
        problem: { kind: 'syntax', message, line: loc.line, column: loc.column + 1 },
      };
    }
    return { ok: false, problem: { kind: 'syntax', message } };
  }
}

/** How many lines the Function constructor puts before the body, measured once. */
let bodyLineOffset: number | null = null;
function measureBodyLineOffset(): number {
  if (bodyLineOffset !== null) return bodyLineOffset;
  try {
    new Function(`throw new Error('probe');\n//# sourceURL=${SOURCE_URL}`)();
  } catch (error) {
    bodyLineOffset = (stackLocation(error)?.line ?? 3) - 1;
  }
  return bodyLineOffset ?? 2;
}

function stackLocation(error: unknown): { line: number; column: number } | null {
  const stack = error instanceof Error ? error.stack : undefined;
  const found = stack?.match(/learner-code\.js:(\d+):(\d+)/);
  if (!found) return null;
  return { line: Number(found[1]), column: Number(found[2]) };
}

/** An exception thrown by learner code, with its line in the editor when the stack shows it. */
export function problemFromError(error: unknown): SourceProblem {
  const message =
    error instanceof Error ? `${error.name}: ${error.message}` : `threw ${formatLogValue(error)}`;
  const at = stackLocation(error);
  if (at === null) return { kind: 'runtime', message };
  return { kind: 'runtime', message, line: at.line - measureBodyLineOffset(), column: at.column };
}

function noImports(name: unknown): never {
  throw new Error(
    `imports are not available here (tried "${String(name)}"): write everything in this file`,
  );
}

/**
 * Runs the learner's module and returns the value it declares (or exports) under `name`.
 * Learner code sees a capturing console, a frozen Date, and none of the worker's messaging or
 * network globals. A missing or misnamed declaration is reported as 'missing'.
 */
export function loadLearnerExport(
  source: string,
  name: string,
  sink: LogSink,
): { ok: true; value: unknown } | { ok: false; problem: SourceProblem } {
  const compiled = compileLearnerSource(source);
  if (!compiled.ok) return compiled;
  measureBodyLineOffset();
  // An inner function on the same first line keeps line numbers, keeps sucrase's "use strict"
  // a directive, and lets the learner declare names (e.g. `const location`) that the outer
  // parameters hide.
  const body =
    `return (function () {${compiled.code}\n;return typeof ${name} === 'undefined' ? undefined : ${name};` +
    `\n})();\n//# sourceURL=${SOURCE_URL}`;
  let factory: (...args: unknown[]) => unknown;
  try {
    factory = new Function(
      'exports',
      'require',
      'console',
      'Date',
      'performance',
      ...HIDDEN_GLOBALS,
      body,
    ) as (...args: unknown[]) => unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { kind: 'syntax', message } };
  }
  const exportsObject: Record<string, unknown> = {};
  let declared: unknown;
  try {
    declared = factory(
      exportsObject,
      noImports,
      learnerConsole(sink),
      FrozenDate,
      { now: () => 0 },
      ...HIDDEN_GLOBALS.map(() => undefined),
    );
  } catch (error) {
    return { ok: false, problem: problemFromError(error) };
  }
  const value = declared ?? exportsObject[name] ?? exportsObject['default'];
  if (value === undefined) return { ok: false, problem: missingProblem(source, name) };
  return { ok: true, value };
}

function missingProblem(source: string, name: string): SourceProblem {
  const declaredNames = [...source.matchAll(/\b(?:class|function)\s+([A-Za-z_$][\w$]*)/g)].map(
    (m) => m[1],
  );
  const found = declaredNames.length > 0 ? ` Found: ${declaredNames.join(', ')}.` : '';
  return {
    kind: 'missing',
    message: `No top-level "${name}" in your code.${found} The grader looks for exactly "${name}".`,
  };
}
