import { SettingError } from '../../engine';
import type { ExportResult, ExportTarget, GatewayConfig } from '../../engine/export';

/** What the panel shows for one target: the file, or why the config cannot be exported. */
export type ExportOutcome =
  | { readonly ok: true; readonly result: ExportResult }
  | { readonly ok: false; readonly setting: string | null; readonly message: string };

/** Runs the target's emitter; a SettingError becomes a message naming the field, never a blank panel. */
export function exportOutcome(target: ExportTarget, config: GatewayConfig): ExportOutcome {
  try {
    return { ok: true, result: target.emit(config) };
  } catch (error) {
    if (error instanceof SettingError) {
      return { ok: false, setting: error.setting, message: `${error.setting}: ${error.reason}` };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, setting: null, message: `The export failed: ${message}` };
  }
}

/** The target to show: the chosen one if it is still offered, else the first. */
export function chosenTarget(
  targets: readonly ExportTarget[],
  id: string | null,
): ExportTarget | undefined {
  return targets.find((t) => t.id === id) ?? targets[0];
}

/** The MIME type a download gets, from the file name. */
export function mimeType(filename: string): string {
  return /\.ya?ml$/.test(filename) ? 'application/yaml' : 'text/plain';
}
