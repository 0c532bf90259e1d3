/**
 * Times the whole grading run of a correct solution in Node: samples, hidden suite (with the
 * 100,000-call input) and the 1,000 random traces, learner code in its own worker thread.
 * Budget: 500 ms. Prints the median of 7 runs, and the part the learner's side took.
 */
import { gradeSource } from '../src/challenge';
import { MODEL_SOLUTION } from '../src/content/challenge/modelSolution';

const RUNS = 7;
const BUDGET_MS = 500;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function main() {
  await gradeSource(MODEL_SOLUTION); // warm-up: JIT and module loading
  const total: number[] = [];
  const learner: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const report = await gradeSource(MODEL_SOLUTION);
    total.push(performance.now() - t0);
    if (!report.passed) throw new Error(`model solution failed: ${report.summary}`);
    learner.push(report.durationMs);
  }
  const totalMs = median(total);
  console.log(
    `challenge: gradeSource(model solution), median of ${RUNS}: ${totalMs.toFixed(1)} ms`,
  );
  console.log(`  learner side (worker thread, with messaging): ${median(learner).toFixed(1)} ms`);
  console.log(`  budget ${BUDGET_MS} ms: ${totalMs <= BUDGET_MS ? 'within' : 'OVER'}`);
}

void main();
