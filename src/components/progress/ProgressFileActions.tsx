import { useId, useState } from 'react';
import { useAppStore } from '../../store';
import { restoredProgress, savedPart } from '../../store/persistence';
import { PROGRESS_FILE_NAME, progressFileText, readProgressFile } from '../../store/progressFile';

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = PROGRESS_FILE_NAME;
  link.click();
  // The click has started the download; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Keep progress as a file and load it back: the way out when the browser cannot save it. */
export function ProgressFileActions() {
  const inputId = useId();
  const [message, setMessage] = useState('');

  const load = async (file: File | undefined) => {
    if (file === undefined) return;
    const read = readProgressFile(await file.text());
    if (!read.ok) {
      setMessage(`${read.message} Nothing was changed.`);
      return;
    }
    useAppStore.setState((current) => restoredProgress(current, read.progress));
    setMessage(`Progress loaded from ${file.name}.`);
  };

  return (
    <div className="progress-file">
      <button
        type="button"
        onClick={() => {
          download(progressFileText(savedPart(useAppStore.getState())));
          setMessage(`Progress downloaded as ${PROGRESS_FILE_NAME}.`);
        }}
      >
        Download progress as a file
      </button>
      <input
        id={inputId}
        type="file"
        accept=".json,application/json"
        onChange={(event) => {
          void load(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      <label htmlFor={inputId} className="progress-file__load">
        Load progress from a file
      </label>
      <p role="status" className="progress-file__message">
        {message}
      </p>
    </div>
  );
}
