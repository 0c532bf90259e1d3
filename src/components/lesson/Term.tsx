import { useId, type ReactNode } from 'react';
import { glossaryEntry, type TermId } from '../../content/glossary';

/**
 * A word in the text that links to its glossary entry (`#term-<id>`). The short definition is the
 * link's accessible description, so screen readers hear it without leaving the sentence.
 */
export function Term({ id, children }: { id: TermId; children: ReactNode }) {
  const descriptionId = useId();
  // A typed id: a misspelt one fails the type check instead of silently dropping the link.
  const entry = glossaryEntry(id);
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
