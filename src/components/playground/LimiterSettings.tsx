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
import { SettingsForm, useSettingsDraft } from './SettingsForm';
import { parseWhole } from './trafficForm';

type LimiterField = 'maxRequests' | 'windowMs' | 'algorithm' | 'keyMode';
const FIELDS: readonly LimiterField[] = ['maxRequests', 'windowMs', 'algorithm', 'keyMode'];

interface LimiterDraft {
  maxRequests: string;
  windowMs: string;
  algorithm: string;
  keyMode: KeyMode;
}

function draftOf(settings: GatewaySettings): LimiterDraft {
  return {
    maxRequests: String(settings.maxRequests),
    windowMs: String(settings.windowMs),
    algorithm: settings.algorithm,
    keyMode: settings.keyMode,
  };
}

/** The limiter's and auth's settings; bad values are explained beside their field, not applied. */
export function LimiterSettings() {
  const settings = useAppStore((s) => s.settings);
  const { draft, problems, applied, change, reject, accept } = useSettingsDraft<
    GatewaySettings,
    LimiterDraft,
    LimiterField
  >(settings, draftOf);

  const apply = () => {
    const max = parseWhole(draft.maxRequests, 'Max requests', 1, {
      value: MAX_LIMIT_REQUESTS,
      unit: '',
    });
    const win = parseWhole(draft.windowMs, 'Window', 1, {
      value: MAX_WINDOW_MS,
      unit: ' ms (one day)',
    });
    const { algorithm, keyMode } = draft;
    if (!max.ok || !win.ok || !isAlgorithmName(algorithm)) {
      reject({
        ...(max.ok ? {} : { maxRequests: max.message }),
        ...(win.ok ? {} : { windowMs: win.message }),
        ...(isAlgorithmName(algorithm) ? {} : { algorithm: `Unknown algorithm "${algorithm}".` }),
      });
      return;
    }
    const error = useAppStore
      .getState()
      .applySettings({ maxRequests: max.value, windowMs: win.value, algorithm, keyMode });
    if (error !== null) {
      const field = FIELDS.find((f) => f === error.setting) ?? 'maxRequests';
      reject({ [field]: error.message });
      return;
    }
    accept('Applied. A changed limit starts with fresh quotas.');
  };

  return (
    <SettingsForm
      className="limiter-settings"
      label="Gateway settings"
      submitLabel="Apply settings"
      applied={applied}
      onApply={apply}
    >
      <TextField
        id="limit-max"
        label="Max requests per window"
        problem={problems.maxRequests ?? null}
        inputMode="numeric"
        value={draft.maxRequests}
        onChange={(maxRequests) => change({ maxRequests })}
      />
      <TextField
        id="limit-window"
        label="Window (ms)"
        problem={problems.windowMs ?? null}
        inputMode="numeric"
        value={draft.windowMs}
        onChange={(windowMs) => change({ windowMs })}
      />
      <Field id="limit-algorithm" label="Algorithm" problem={problems.algorithm ?? null}>
        <select
          id="limit-algorithm"
          value={draft.algorithm}
          onChange={(e) => change({ algorithm: e.target.value })}
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
          value={draft.keyMode}
          onChange={(e) =>
            change({ keyMode: e.target.value === 'presence' ? 'presence' : 'registered' })
          }
        >
          <option value="registered">Registered keys only</option>
          <option value="presence">Any key (as the lesson's code)</option>
        </select>
      </Field>
    </SettingsForm>
  );
}
