import type { ReactNode } from 'react';
import { BALANCING_ALGORITHMS } from '../../engine';
import { SERVICES } from '../../content/services';
import { useAppStore } from '../../store';
import { instancesSetting, MAX_INSTANCES } from '../../store/pipeline';
import { Field, TextField } from './Field';
import { SettingsForm, useSettingsDraft } from './SettingsForm';
import {
  draftOf,
  parsePipelineDraft,
  type PipelineDraft,
  type PipelineField,
} from './pipelineForm';

const FIELDS: readonly PipelineField[] = [
  'ttlMs',
  'algorithm',
  'failures',
  'cooldownMs',
  ...SERVICES.map((service) => instancesSetting(service.id)),
];

/** Where a problem the store found goes: its own field, or the first instance count. */
function fieldOf(setting: string): PipelineField {
  return FIELDS.find((f) => f === setting) ?? instancesSetting(SERVICES[0]?.id ?? '');
}

function Switch({
  id,
  label,
  checked,
  onChange,
  children,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children?: ReactNode;
}) {
  return (
    <div className="pipeline-stage">
      <label htmlFor={id} className="pipeline-switch">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
        />{' '}
        {label}
      </label>
      {checked && children !== undefined && <div className="pipeline-params">{children}</div>}
    </div>
  );
}

/**
 * The gateway's optional stages: on or off, with their few parameters. Bad values are explained
 * beside their field and nothing is applied (the draft stays as typed); Apply is a recorded
 * playground action, so undo, rewind and shared links carry it.
 */
export function PipelineSettings() {
  const pipeline = useAppStore((s) => s.pipeline);
  const { draft, problems, applied, change, reject, accept } = useSettingsDraft<
    typeof pipeline,
    PipelineDraft,
    PipelineField
  >(pipeline, draftOf);

  const apply = () => {
    const parsed = parsePipelineDraft(draft);
    if (!parsed.ok) {
      reject(parsed.problems);
      return;
    }
    const error = useAppStore.getState().applyPipelineConfig(parsed.config);
    if (error !== null) {
      reject({ [fieldOf(error.setting)]: `${error.reason}. Nothing was changed.` });
      return;
    }
    accept('Applied: the graph shows the stages that are on.');
  };

  return (
    <SettingsForm
      className="pipeline-settings"
      label="Pipeline"
      submitLabel="Apply pipeline"
      applied={applied}
      onApply={apply}
    >
      <p className="field-note">
        Auth, Rate limit and Router always run. Turn on the gateway&apos;s other jobs:
      </p>
      <Switch
        id="pipe-request-id"
        label="Request id (a correlation id on every request and response)"
        checked={draft.requestId}
        onChange={(requestId) => change({ requestId })}
      />
      <Switch
        id="pipe-normalise"
        label="Path normalisation (decode, merge //, resolve . and ..)"
        checked={draft.normalise}
        onChange={(normalise) => change({ normalise })}
      />
      <Switch
        id="pipe-cache"
        label="Response cache (GET and HEAD)"
        checked={draft.cacheOn}
        onChange={(cacheOn) => change({ cacheOn })}
      >
        <TextField
          id="pipe-ttl"
          label="Time to live (ms)"
          inputMode="numeric"
          problem={problems.ttlMs ?? null}
          value={draft.ttlMs}
          onChange={(ttlMs) => change({ ttlMs })}
        />
      </Switch>
      <Switch
        id="pipe-transform"
        label="Request transformation"
        checked={draft.transformOn}
        onChange={(transformOn) => change({ transformOn })}
      >
        <Switch
          id="pipe-strip"
          label="Strip the route prefix"
          checked={draft.stripPrefix}
          onChange={(stripPrefix) => change({ stripPrefix })}
        />
        <Switch
          id="pipe-consumer"
          label="Add a consumer header"
          checked={draft.addConsumer}
          onChange={(addConsumer) => change({ addConsumer })}
        />
        <Switch
          id="pipe-remove-key"
          label="Remove the API key"
          checked={draft.removeKey}
          onChange={(removeKey) => change({ removeKey })}
        />
      </Switch>
      <Switch
        id="pipe-balancer"
        label="Load balancing with health checks"
        checked={draft.balancerOn}
        onChange={(balancerOn) => change({ balancerOn })}
      >
        <fieldset className="pipeline-instances">
          <legend>Instances per service (1 to {MAX_INSTANCES})</legend>
          {SERVICES.map((service) => (
            <TextField
              key={service.id}
              id={`pipe-instances-${service.id}`}
              label={service.label}
              inputMode="numeric"
              problem={problems[instancesSetting(service.id)] ?? null}
              value={draft.instances[service.id] ?? ''}
              onChange={(count) =>
                change({ instances: { ...draft.instances, [service.id]: count } })
              }
            />
          ))}
        </fieldset>
        <Field id="pipe-algorithm" label="Algorithm" problem={problems.algorithm ?? null}>
          <select
            id="pipe-algorithm"
            value={draft.algorithm}
            onChange={(e) => change({ algorithm: e.target.value })}
          >
            {BALANCING_ALGORITHMS.map((a) => (
              <option key={a.name} value={a.name}>
                {a.label}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          id="pipe-failures"
          label="Failures in a row before ejection (K)"
          inputMode="numeric"
          problem={problems.failures ?? null}
          value={draft.failures}
          onChange={(failures) => change({ failures })}
        />
        <TextField
          id="pipe-cooldown"
          label="Cool-down (ms)"
          inputMode="numeric"
          problem={problems.cooldownMs ?? null}
          value={draft.cooldownMs}
          onChange={(cooldownMs) => change({ cooldownMs })}
        />
      </Switch>
      <Switch
        id="pipe-access-log"
        label="Access log (one line per request)"
        checked={draft.accessLog}
        onChange={(accessLog) => change({ accessLog })}
      />
    </SettingsForm>
  );
}
