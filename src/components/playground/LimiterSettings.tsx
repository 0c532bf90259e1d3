import { useState } from 'react';
import {
  ALGORITHMS,
  MAX_WINDOW_MS,
  isAlgorithmName,
  type GatewaySettings,
  type KeyMode,
} from '../../engine';
import { useAppStore } from '../../store';
import { MAX_LIMIT_REQUESTS } from '../../store/playgroundSlice';
import { Field, TextField } from './Field';
import { parseWhole } from './trafficForm';

type Problems = Partial<Record<'maxRequests' | 'windowMs' | 'algorithm' | 'keyMode', string>>;

/** The limiter's and auth's settings; bad values are explained beside their field, not applied. */
export function LimiterSettings() {
  const settings = useAppStore((s) => s.settings);
  const [maxRequests, setMaxRequests] = useState(String(settings.maxRequests));
  const [windowMs, setWindowMs] = useState(String(settings.windowMs));
  const [algorithm, setAlgorithm] = useState<string>(settings.algorithm);
  const [keyMode, setKeyMode] = useState<KeyMode>(settings.keyMode);
  const [problems, setProblems] = useState<Problems>({});
  const [applied, setApplied] = useState<string | null>(null);
  // Settings can change from elsewhere (the challenge's "Replay on the graph"): the drafts follow,
  // so that Apply never silently puts the old values back.
  const [shown, setShown] = useState(settings);
  if (shown !== settings) {
    setShown(settings);
    setMaxRequests(String(settings.maxRequests));
    setWindowMs(String(settings.windowMs));
    setAlgorithm(settings.algorithm);
    setKeyMode(settings.keyMode);
  }

  const apply = () => {
    const max = parseWhole(maxRequests, 'Max requests', 1, { value: MAX_LIMIT_REQUESTS, unit: '' });
    const win = parseWhole(windowMs, 'Window', 1, { value: MAX_WINDOW_MS, unit: ' ms (one day)' });
    const next: Problems = {};
    if (!max.ok) next.maxRequests = max.message;
    if (!win.ok) next.windowMs = win.message;
    if (!isAlgorithmName(algorithm)) next.algorithm = `Unknown algorithm "${algorithm}".`;
    setApplied(null);
    if (!max.ok || !win.ok || !isAlgorithmName(algorithm)) {
      setProblems(next);
      return;
    }
    const partial: Partial<GatewaySettings> = {
      maxRequests: max.value,
      windowMs: win.value,
      algorithm,
      keyMode,
    };
    const error = useAppStore.getState().applySettings(partial);
    if (error !== null) {
      const field = (['maxRequests', 'windowMs', 'algorithm', 'keyMode'] as const).find(
        (f) => f === error.setting,
      );
      setProblems({ [field ?? 'maxRequests']: error.message });
      return;
    }
    setProblems({});
    setApplied('Applied. A changed limit starts with fresh quotas.');
  };

  return (
    <form
      className="limiter-settings"
      aria-label="Gateway settings"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <TextField
        id="limit-max"
        label="Max requests per window"
        problem={problems.maxRequests ?? null}
        inputMode="numeric"
        value={maxRequests}
        onChange={setMaxRequests}
      />
      <TextField
        id="limit-window"
        label="Window (ms)"
        problem={problems.windowMs ?? null}
        inputMode="numeric"
        value={windowMs}
        onChange={setWindowMs}
      />
      <Field id="limit-algorithm" label="Algorithm" problem={problems.algorithm ?? null}>
        <select
          id="limit-algorithm"
          value={algorithm}
          onChange={(e) => setAlgorithm(e.target.value)}
        >
          {ALGORITHMS.map((a) => (
            <option key={a.name} value={a.name}>
              {a.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="limit-keys" label="Key check" problem={problems.keyMode ?? null}>
        <select
          id="limit-keys"
          value={keyMode}
          onChange={(e) => setKeyMode(e.target.value === 'presence' ? 'presence' : 'registered')}
        >
          <option value="registered">Registered keys only</option>
          <option value="presence">Any key (as the lesson's code)</option>
        </select>
      </Field>
      <div className="traffic-buttons">
        <button type="submit">Apply settings</button>
        {applied !== null && (
          <span className="field-note" role="status">
            {applied}
          </span>
        )}
      </div>
    </form>
  );
}
