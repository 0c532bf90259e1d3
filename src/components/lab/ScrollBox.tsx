import type { ReactNode } from 'react';

/**
 * A box that scrolls a wide or long table. It takes focus, so a keyboard can scroll it, and is a
 * named region, so a screen reader says what it holds.
 */
export function ScrollBox({
  label,
  tall = false,
  children,
}: {
  label: string;
  tall?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={tall ? 'lab-table-scroll lab-table-scroll--tall' : 'lab-table-scroll'}
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
