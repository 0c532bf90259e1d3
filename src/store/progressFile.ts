import { isSavedState, STORAGE_VERSION, upgradeSaved, type SavedState } from './persistence';

/** What a progress file holds: the same envelope the browser's storage holds. */
interface ProgressFile {
  readonly state: SavedState;
  readonly version: number;
}

export const PROGRESS_FILE_NAME = 'gateway-playground-progress.json';

/** The text of a progress file for `saved`. */
export function progressFileText(saved: SavedState): string {
  const file: ProgressFile = { state: saved, version: STORAGE_VERSION };
  return JSON.stringify(file, null, 2);
}

export type ReadProgress =
  | { readonly ok: true; readonly progress: SavedState }
  | { readonly ok: false; readonly message: string };

/** Reads a progress file back, or says in a sentence why it cannot be used. */
export function readProgressFile(text: string): ReadProgress {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not a progress file (it is not JSON).' };
  }
  if (typeof file !== 'object' || file === null || !('version' in file) || !('state' in file))
    return { ok: false, message: 'This file is not a progress file from this page.' };
  const { version, state } = file;
  if (typeof version !== 'number' || version < 1)
    return { ok: false, message: 'This file is not a progress file from this page.' };
  if (version > STORAGE_VERSION)
    return {
      ok: false,
      message: 'This file was saved by a newer version of this page, which this one cannot read.',
    };
  const progress = upgradeSaved(state, version);
  if (!isSavedState(progress))
    return { ok: false, message: 'This file’s progress is damaged or incomplete.' };
  return { ok: true, progress };
}
