import type { LabLimit, LabTrace } from './patterns';
import type { AlgorithmRun } from './runLab';

/** "60 s", "1.5 s", "250 ms". */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${Math.round(ms)} ms`;
}

/** A label as it reads mid-sentence: "Fixed window" → "fixed window", "GCRA …" unchanged. */
function inSentence(label: string): string {
  const first = label.split(' ')[0] ?? '';
  return first === first.toUpperCase() ? label : label[0]?.toLowerCase() + label.slice(1);
}

function capitalised(text: string): string {
  return text.length === 0 ? text : (text[0] as string).toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Runs grouped by a figure, in the order the figure's values first appear when sorted. */
function groupedBy(
  runs: readonly AlgorithmRun[],
  figure: (run: AlgorithmRun) => number,
  descending: boolean,
): { value: number; names: string[] }[] {
  const sorted = [...runs].sort((a, b) =>
    descending ? figure(b) - figure(a) : figure(a) - figure(b),
  );
  const groups: { value: number; names: string[] }[] = [];
  for (const run of sorted) {
    const value = figure(run);
    const last = groups[groups.length - 1];
    if (last !== undefined && last.value === value) last.names.push(inSentence(run.label));
    else groups.push({ value, names: [inSentence(run.label)] });
  }
  return groups;
}

/**
 * What the figures say, in a few sentences: who let the most through in one window's span, who
 * refused the most, how long a well-behaved client waits, and for a retry storm how much it sent.
 */
export function labVerdict(
  limit: LabLimit,
  trace: LabTrace,
  runs: readonly AlgorithmRun[],
): string[] {
  const { maxRequests, windowMs } = limit;
  const span = formatDuration(windowMs);
  const sentences: string[] = [];

  const over = groupedBy(
    runs.filter((r) => r.figures.mostInAnyWindow > maxRequests),
    (r) => r.figures.mostInAnyWindow,
    true,
  );
  const held = runs.filter((r) => r.figures.mostInAnyWindow <= maxRequests);
  const heldText = `${listed(held.map((r) => inSentence(r.label)))} never more than ${maxRequests}`;
  if (over.length === 0) {
    sentences.push(`No algorithm let more than ${maxRequests} through in any ${span}.`);
  } else {
    const parts = over.map(({ value, names }, i) => {
      const ratio = Number((value / maxRequests).toFixed(1));
      return i === 0
        ? `${capitalised(listed(names))} let ${value} through in ${span} (${ratio}× the limit of ${maxRequests})`
        : `${listed(names)} ${value}`;
    });
    sentences.push(`${parts.join('; ')}${held.length > 0 ? `; ${heldText}` : ''}.`);
  }

  const refusals = groupedBy(runs, (r) => r.figures.refused, false);
  const fewest = refusals[0];
  const most = refusals[refusals.length - 1];
  if (fewest !== undefined && most !== undefined) {
    sentences.push(
      refusals.length === 1
        ? `Every algorithm refused ${fewest.value}.`
        : `${capitalised(listed(fewest.names))} refused the fewest (${fewest.value}), ${listed(most.names)} the most (${most.value}).`,
    );
  }

  const waiting = runs.filter((r) => r.figures.longestWaitMs > 0);
  if (waiting.length > 0) {
    const waits = groupedBy(waiting, (r) => r.figures.longestWaitMs, false);
    const shortest = waits[0] as { value: number; names: string[] };
    const longest = waits[waits.length - 1] as { value: number; names: string[] };
    sentences.push(
      waits.length === 1
        ? `A client that retries when told waits at most ${formatDuration(shortest.value)} with ${listed(shortest.names)}.`
        : `A client that retries when told waits at most ${formatDuration(shortest.value)} with ${listed(shortest.names)}, up to ${formatDuration(longest.value)} with ${listed(longest.names)}.`,
    );
  }

  if (trace.kind === 'retry-storm') {
    const how = trace.honourRetryAfter
      ? 'retrying when Retry-After says'
      : `retrying every 429 after ${formatDuration(trace.retryDelayMs)}`;
    const sent = groupedBy(runs, (r) => r.figures.sent, false);
    const least = sent[0] as { value: number; names: string[] };
    const mostSent = sent[sent.length - 1] as { value: number; names: string[] };
    const range =
      sent.length === 1
        ? `${least.value} requests to every algorithm`
        : `from ${least.value} requests (${listed(least.names)}) to ${mostSent.value} (${listed(mostSent.names)})`;
    const gaveUp = Math.max(...runs.map((r) => r.figures.gaveUp));
    sentences.push(
      `For ${trace.demandMs.length} requests it needed, ${how}, the client sent ${range}` +
        (gaveUp > 0 ? `, and gave up on up to ${gaveUp} of them.` : '.'),
    );
  }
  return sentences;
}
