import { useState } from 'react';
import { parseNumberIn } from './labModel';

/**
 * A number typed in a field: the text as typed, the problem to show beside it, and the last valid
 * value (what the lab runs with), so a bad keystroke loses nothing.
 */
export function useNumberField(
  initial: number,
  range: { readonly min: number; readonly max: number },
  what: string,
  wholeOnly: boolean,
) {
  const [text, setText] = useState(String(initial));
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const change = (next: string) => {
    setText(next);
    const parsed = parseNumberIn(next, range, what, wholeOnly);
    if ('problem' in parsed) {
      setProblem(parsed.problem);
    } else {
      setProblem(null);
      setValue(parsed.value);
    }
  };
  return { text, value, problem, change };
}
