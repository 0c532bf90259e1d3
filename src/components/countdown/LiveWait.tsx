import { usePacedAppStore } from '../playback/pacedState';
import { limiterWaitText, type WaitKind } from './limiterWait';

/** Shown for the frame in which the wait ends before the panel around it catches up. */
const NO_WAIT = '0.0\u00a0s';

/**
 * A countdown that follows the live clock inside a panel that re-renders less often: only this
 * text follows the clock (at the readouts' pace), the panel around it keeps its own.
 */
export function LiveWait({ apiKey, kind }: { apiKey: string; kind: WaitKind }) {
  const text = usePacedAppStore((s) => limiterWaitText(s, apiKey, kind));
  return <span data-testid={`live-wait-${kind}`}>{text ?? NO_WAIT}</span>;
}
