/** Writes "A, then B, then C" from a list of labels. */
function inOrder(labels: readonly string[]): string {
  return labels.join(', then ');
}

/**
 * What the graph shows, for screen readers, from the engine's stage list as `name=label|…`
 * (the same string the graph draws from) and the instances each service runs.
 */
export function graphDescription(stageLabels: string, instances: number): string {
  const labels = stageLabels.split('|').map((pair) => pair.slice(pair.indexOf('=') + 1));
  const count = labels.length === 1 ? 'one stage' : `${labels.length} stages`;
  const services =
    instances > 1
      ? `the user, order, payment or notification service, each running ${instances} instances that can be taken down with the buttons on the service`
      : 'the user, order, payment or notification service';
  return `Diagram: four clients send requests to the API gateway, which checks each request in ${count}, ${inOrder(labels)}, and forwards it to ${services}. The request log below lists every outcome.`;
}
