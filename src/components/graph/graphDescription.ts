import { SERVICES } from '../../content/services';

/** Writes "A, then B, then C" from a list of labels. */
function inOrder(labels: readonly string[]): string {
  return labels.join(', then ');
}

/** "a, b, c or d" (or "and"). */
function listed(words: readonly string[], last: 'or' | 'and'): string {
  return words.length < 2
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1)}`;
}

/**
 * What the graph shows, for screen readers, from the engine's stage labels (in its order) and the
 * instances each service runs; and how to reach the explanations by keyboard.
 */
export function graphDescription(
  stageLabels: readonly string[],
  serviceInstances: ReadonlyMap<string, number>,
): string {
  const count = stageLabels.length === 1 ? 'one stage' : `${stageLabels.length} stages`;
  const services = listed(
    SERVICES.map((s) => s.label.toLowerCase()),
    'or',
  );
  const several = [...serviceInstances.values()].some((n) => n > 1);
  const counts = SERVICES.map((s, i) => {
    const n = serviceInstances.get(s.id) ?? 1;
    const name = `the ${s.label.toLowerCase()}`;
    return i === 0 ? `${name} runs ${n} ${n === 1 ? 'instance' : 'instances'}` : `${name} ${n}`;
  });
  const instances = several
    ? `; ${listed(counts, 'and')}, and each instance can be taken down with its button on the service`
    : '';
  return (
    `Diagram: four clients send requests to the API gateway, which checks each request in ${count}, ${inOrder(stageLabels)}, and forwards it to the ${services}${instances}. ` +
    'Each client, stage and service is a button that explains it. The moving packets cannot take focus: each request’s row in the request log below opens the same explanation as a click on its packet.'
  );
}
