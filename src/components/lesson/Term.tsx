import { useId, type ReactNode } from 'react';
import { GLOSSARY } from '../../content/glossary';

/**
 * A word in the text that links to its glossary entry (`#term-<id>`). The short definition is the
 * link's accessible description, so screen readers hear it without leaving the sentence.
 */
export function Term({ id, children }: { id: string; children: ReactNode }) {
  const descriptionId = useId();
  const entry = GLOSSARY.find((candidate) => candidate.id === id);
  if (entry === undefined) return <>{children}</>;
  return (
    <>
      <a
        className="term-link"
        href={`#term-${id}`}
        aria-describedby={descriptionId}
        title={entry.definition}
      >
        {children}
      </a>
      <span id={descriptionId} hidden>
        {entry.term}: {entry.definition}
      </span>
    </>
  );
}
