import { Worker } from 'node:worker_threads';
import { startLearnerHarness } from '../sandbox/learnerHarness';
import { MAX_LOG_LINE_CHARS, MAX_LOG_LINES, MAX_LOG_TOTAL_CHARS } from '../sandbox/learnerProtocol';
import type { LearnerEndpoint } from './learnerSession';

/**
 * Learner code in Node runs in a worker thread of its own, one per grading: its own realm (its
 * Map, JSON and Array are not the caller's), its own `process` (`process.exit` ends only the
 * thread), its unhandled rejections stay there, and `terminate()` stops an infinite loop.
 *
 * The thread runs the same harness as the browser worker, from its source text. `__name` is
 * defined in case a TypeScript loader added its keep-names helper to that text.
 */
const HARNESS_SCRIPT = `"use strict";
var __name = (target) => target;
const { parentPort } = require('node:worker_threads');
const post = parentPort.postMessage.bind(parentPort);
process.on('unhandledRejection', () => {});
process.on('uncaughtException', () => {});
(${startLearnerHarness.toString()})(
  { send: (message) => post(message), listen: (handler) => parentPort.on('message', handler) },
  ${JSON.stringify({ maxLines: MAX_LOG_LINES, maxLineChars: MAX_LOG_LINE_CHARS, maxTotalChars: MAX_LOG_TOTAL_CHARS })},
);`;

/** Starts a learner worker thread and returns the judge's endpoint to it. */
export function startNodeLearner(): LearnerEndpoint {
  const worker = new Worker(HARNESS_SCRIPT, {
    eval: true,
    // Learner output must not reach the caller's terminal; it is captured by the harness.
    stdout: true,
    stderr: true,
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });
  worker.stdout.resume();
  worker.stderr.resume();
  let closed = false;
  let gone: ((why: string) => void) | null = null;
  const onGone = (why: string) => {
    if (!closed) gone?.(why);
  };
  worker.on('error', (error) => onGone(`The sandbox stopped: ${String(error)}`));
  worker.on('exit', (code) => onGone(`The sandbox ended (exit code ${code}).`));
  return {
    send: (message) => {
      if (!closed) worker.postMessage(message);
    },
    onMessage: (handler) => worker.on('message', handler),
    onGone: (handler) => {
      gone = handler;
    },
    close: () => {
      if (closed) return;
      closed = true;
      void worker.terminate();
    },
  };
}
