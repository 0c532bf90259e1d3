import type { ExperimentStatus } from '../../store/progressSlice';

const LOOK: Record<ExperimentStatus, { icon: string; text: string }> = {
  'not-started': { icon: '○', text: 'Not started' },
  'in-progress': { icon: '◐', text: 'In progress' },
  done: { icon: '✔', text: 'Done' },
};

/** The status as an icon and words, never colour alone. */
export function ExperimentStatusBadge({ status }: { status: ExperimentStatus }) {
  const { icon, text } = LOOK[status];
  return (
    <span className={`status-badge status-badge--${status}`} data-status={status}>
      <span aria-hidden="true">{icon}</span> {text}
    </span>
  );
}
