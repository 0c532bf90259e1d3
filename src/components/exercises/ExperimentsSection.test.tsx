import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EXPERIMENTS } from '../../content/experiments';
import { EXPERIMENT_CONTROLS } from './experimentControls';
import { ExperimentsSection } from './ExperimentsSection';

describe('ExperimentsSection', () => {
  const html = renderToString(<ExperimentsSection />);

  it('renders a card for every experiment of the content, in order', () => {
    const shown = [...html.matchAll(/data-experiment="([^"]+)"/g)].map((match) => match[1]);
    expect(shown).toEqual(EXPERIMENTS.map((experiment) => experiment.id));
  });

  it('gives every card its title, goal and "Set up this scenario"', () => {
    for (const experiment of EXPERIMENTS) {
      expect(html).toContain(experiment.title);
      expect(html).toContain(experiment.goal);
    }
    expect(html.match(/>Set up this scenario<\/button>/g)).toHaveLength(EXPERIMENTS.length);
  });

  it('has a registered control for every control an experiment names', () => {
    for (const experiment of EXPERIMENTS) {
      if (experiment.control === undefined) continue;
      expect(EXPERIMENT_CONTROLS[experiment.control]).toBeDefined();
    }
  });
});
