import { EXPERIMENTS } from '../../content/experiments';
import { ExperimentCard } from './ExperimentCard';
import { PathBypass } from './PathBypass';

/** Section 5: every experiment of the content, each ticked off by what the playground's log shows. */
export function ExperimentsSection() {
  return (
    <>
      <p>
        Each experiment ticks itself off when the playground’s log shows you did it: there is no
        button to mark it done. Use the playground beside the text (docked below it on a phone) to
        send requests, and watch the card and the graph together. “Set up this scenario” puts the
        playground where the experiment starts, and after the hints “Show me” plays a solution.
      </p>
      {EXPERIMENTS.map((experiment, i) => (
        <ExperimentCard key={experiment.id} experiment={experiment} number={i + 1} />
      ))}
      <h3>Before routing: path normalisation</h3>
      <PathBypass />
    </>
  );
}
