/** A setting that cannot be used, named so the UI can show the message beside the right field. */
export class SettingError extends Error {
  constructor(
    readonly setting: string,
    /** What is wrong, without the setting's name: the text a form shows beside the field. */
    readonly reason: string,
  ) {
    super(`${setting}: ${reason}`);
    this.name = 'SettingError';
  }
}

/** Throws unless `value` is a whole number ≥ 1. */
export function requirePositiveInteger(setting: string, value: number): void {
  if (!Number.isFinite(value)) throw new SettingError(setting, `must be a number, got ${value}`);
  if (!Number.isInteger(value))
    throw new SettingError(setting, `must be a whole number, got ${value}`);
  if (value < 1) throw new SettingError(setting, `must be at least 1, got ${value}`);
}

/** Throws unless `value` is a finite number > 0. */
export function requirePositive(setting: string, value: number): void {
  if (!Number.isFinite(value)) throw new SettingError(setting, `must be a number, got ${value}`);
  if (value <= 0) throw new SettingError(setting, `must be greater than 0, got ${value}`);
}

/** Throws unless `value` is a finite number ≥ 0. */
export function requireNonNegative(setting: string, value: number): void {
  if (!Number.isFinite(value)) throw new SettingError(setting, `must be a number, got ${value}`);
  if (value < 0) throw new SettingError(setting, `must not be negative, got ${value}`);
}

/**
 * The longest rate-limit window the limiters accept: one day. Real gateways offer longer quota
 * periods (Kong has month and year); a playground needs none of them, and a day keeps every rate
 * and time the limiters compute exact.
 */
export const MAX_WINDOW_MS = 86_400_000;

/**
 * Throws unless `windowMs` is a finite number above 0 and at most MAX_WINDOW_MS. Far longer
 * windows overflow the limiters' arithmetic (rates round to 0, times pass 2^53) and teach nothing.
 */
export function requireWindowMs(windowMs: number): void {
  requirePositive('windowMs', windowMs);
  if (windowMs > MAX_WINDOW_MS)
    throw new SettingError(
      'windowMs',
      `must be at most ${MAX_WINDOW_MS.toLocaleString('en-US')} ms (one day), got ${windowMs}`,
    );
}
