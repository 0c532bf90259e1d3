import { useId, useMemo, useState } from 'react';
import type { ExportTarget, GatewayConfig } from '../../engine/export';
import { chosenTarget, exportOutcome, mimeType } from './exportOutcome';
import './export.css';

/**
 * "Export config": the playground's gateway as a real gateway's configuration, to copy or
 * download, with everything the target cannot express listed under it. Pass the engine's
 * EXPORT_TARGETS (or a subset) as `targets`.
 */
export function ExportPanel({
  config,
  targets,
}: {
  config: GatewayConfig;
  targets: readonly ExportTarget[];
}) {
  const id = useId();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const target = chosenTarget(targets, chosenId);
  const outcome = useMemo(
    () => (target === undefined ? null : exportOutcome(target, config)),
    [target, config],
  );

  if (target === undefined || outcome === null) {
    return <p className="export-panel">No gateway to export to.</p>;
  }

  const copy = async (text: string, filename: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(`Copied ${filename}.`);
    } catch {
      setStatus('Copying is blocked here: select the text and copy it yourself.');
    }
  };

  const download = (text: string, filename: string): void => {
    const url = URL.createObjectURL(new Blob([text], { type: mimeType(filename) }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    URL.revokeObjectURL(url);
    setStatus(`Downloaded ${filename}.`);
  };

  return (
    <section className="export-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Export config</h3>
      <fieldset className="export-targets">
        <legend>Gateway</legend>
        {targets.map((t) => (
          <label key={t.id}>
            <input
              type="radio"
              name={`${id}-target`}
              value={t.id}
              checked={t.id === target.id}
              onChange={() => {
                setChosenId(t.id);
                setStatus('');
              }}
            />
            {t.label}
          </label>
        ))}
      </fieldset>
      <p className="export-format">{target.format}</p>
      {outcome.ok ? (
        <>
          <div className="export-actions">
            <button
              type="button"
              onClick={() => void copy(outcome.result.text, outcome.result.filename)}
            >
              Copy {outcome.result.filename}
            </button>
            <button
              type="button"
              onClick={() => download(outcome.result.text, outcome.result.filename)}
            >
              Download {outcome.result.filename}
            </button>
            <span className="export-status" role="status">
              {status}
            </span>
          </div>
          <pre className="export-text" tabIndex={0} aria-label={outcome.result.filename}>
            {outcome.result.text}
          </pre>
          <h4 id={`${id}-missing`}>What {target.label} cannot express from this config</h4>
          {outcome.result.notExpressed.length === 0 ? (
            <p>Nothing: every setting is in the file.</p>
          ) : (
            <ul className="export-not-expressed" aria-labelledby={`${id}-missing`}>
              {outcome.result.notExpressed.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p className="export-problem" role="alert">
          This config cannot be exported yet. {outcome.message}
        </p>
      )}
    </section>
  );
}
