import { EXPERIMENTS, type Experiment, type ExperimentId } from '../../content/experiments';
import { useAppStore } from '../../store';
import { Term } from '../lesson/Term';
import { BurstPrediction } from './BurstPrediction';
import { ExperimentCard } from './ExperimentCard';
import { RouteEditor } from './RouteEditor';
import { RouteLookupCell } from './RouteLookupCell';

function experiment(id: ExperimentId): Experiment {
  const found = EXPERIMENTS.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no experiment "${id}"`);
  return found;
}

/** Section 5: four experiments, each ticked off by what the playground's log shows. */
export function ExperimentsSection() {
  const clearPrediction = () => useAppStore.getState().setBurstPrediction(null);
  return (
    <>
      <p>
        Each experiment ticks itself off when the playground’s log shows you did it: there is no
        button to mark it done. Use the playground above to send requests; come back here to see
        what happened.
      </p>
      <ExperimentCard experiment={experiment('bursts')} onReset={clearPrediction}>
        <p>
          The limiter counts requests per <Term id="api-key">API key</Term>. If you already sent
          some, reset the playground first so the window starts empty.
        </p>
        <BurstPrediction />
      </ExperimentCard>
      <ExperimentCard experiment={experiment('no-key')} />
      <ExperimentCard experiment={experiment('new-route')}>
        <RouteEditor />
      </ExperimentCard>
      <ExperimentCard experiment={experiment('path-prefixes')}>
        <p>
          The lesson’s gateway looks a path up in its routing table as it is, so{' '}
          <code>/api/users/123</code> finds nothing (<Term id="status-404">404</Term>). Rewrite{' '}
          <code>findRoute</code> so a route also serves the paths below it (a{' '}
          <Term id="prefix-match">prefix match</Term>), then press Apply and send requests to{' '}
          <code>/api/users/123</code> and <code>/api/orders/9</code>. <code>routes</code> is a plain
          object such as <code>{'{ "/api/users": "http://user-service:3001" }'}</code>; return the
          URL, or <code>null</code>.
        </p>
        <RouteLookupCell />
      </ExperimentCard>
    </>
  );
}
