import { transform } from 'sucrase';
import type { ThrownValue } from '../sandbox/learnerProtocol';
import type { SourceProblem } from './types';

/**
 * The judge's half of loading learner code: compiling it and reading back what it threw. Both run
 * in the judge's realm; only the compiled text travels to the learner side.
 */

const SOURCE_URL = 'learner-code.js';

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

/**
 * The Function body the learner side runs: the compiled code, then the declared `name` (or
 * undefined). An inner function on the same first line keeps line numbers, keeps sucrase's
 * "use strict" a directive, and lets the learner declare names the harness's parameters hide.
 */
export function learnerModuleBody(compiledCode: string, name: string): string {
  return (
    `return (function () {${compiledCode}\n;return typeof ${name} === 'undefined' ? undefined : ${name};` +
    `\n})();\n//# sourceURL=${SOURCE_URL}`
  );
}

/** How many lines the Function constructor puts before the body, measured once (same engine). */
let bodyLineOffset: number | null = null;
function measureBodyLineOffset(): number {
  if (bodyLineOffset !== null) return bodyLineOffset;
  try {
    new Function('a', 'b', `throw new Error('probe');\n//# sourceURL=${SOURCE_URL}`)();
  } catch (error) {
    bodyLineOffset =
      (stackLocation(error instanceof Error ? error.stack : undefined)?.line ?? 3) - 1;
  }
  return bodyLineOffset ?? 2;
}

function stackLocation(stack: string | null | undefined): { line: number; column: number } | null {
  const found = stack?.match(/learner-code\.js:(\d+):(\d+)/);
  if (!found) return null;
  return { line: Number(found[1]), column: Number(found[2]) };
}

/** What learner code threw, as a problem with its line in the editor when the stack shows it. */
export function problemFromThrown(thrown: ThrownValue): SourceProblem {
  const message = thrown.isError
    ? `${thrown.name ?? 'Error'}: ${thrown.message ?? '(a message that could not be read)'}`
    : `threw ${thrown.text ?? 'a value that could not be read'}`;
  const at = stackLocation(thrown.stack);
  if (at === null) return { kind: 'runtime', message };
  return { kind: 'runtime', message, line: at.line - measureBodyLineOffset(), column: at.column };
}

/** Nothing called `name` was declared: say what was, so a typo is easy to see. */
export function missingProblem(source: string, name: string): SourceProblem {
  const declaredNames = [...source.matchAll(/\b(?:class|function)\s+([A-Za-z_$][\w$]*)/g)].map(
    (m) => m[1],
  );
  const found = declaredNames.length > 0 ? ` Found: ${declaredNames.join(', ')}.` : '';
  return {
    kind: 'missing',
    message: `No top-level "${name}" in your code.${found} The grader looks for exactly "${name}".`,
  };
}
