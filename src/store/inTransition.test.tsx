import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { inTransition } from './inTransition';

describe('inTransition', () => {
  const store = createStore(() => ({ rows: ['a', 'b'], label: 'log' }));
  const useRows = inTransition(store);

  function Rows() {
    const rows = useRows((s) => s.rows);
    const whole = useRows();
    return <p>{`${whole.label}: ${rows.join(',')}`}</p>;
  }

  it('renders the store as it is, whole or through a selector', () => {
    expect(renderToString(<Rows />)).toContain('log: a,b');
  });

  it('keeps the store’s own methods', () => {
    useRows.setState({ rows: ['c'] });
    expect(useRows.getState().rows).toEqual(['c']);
    expect(store.getState().rows).toEqual(['c']);
    const seen: string[][] = [];
    const stop = useRows.subscribe((s) => seen.push(s.rows));
    store.setState({ rows: ['d'] });
    stop();
    expect(seen).toEqual([['d']]);
  });
});
