import { useEffect, useId, useState } from 'react';
import { searchGlossary } from '../../content/glossary';
import { hashTarget } from './hashTarget';

/** Section 2: the terms, searchable; each entry is the target of `<Term>` links (`#term-<id>`). */
export function Glossary() {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const countId = useId();
  const entries = searchGlossary(query);

  // A <Term> link must always land: if the search hides its entry, clear the search first.
  useEffect(() => {
    const reveal = () => {
      const target = hashTarget(window.location.hash);
      if (!target.startsWith('term-')) return;
      const id = target.slice('term-'.length);
      if (id === '') return;
      setQuery((current) =>
        searchGlossary(current).some((entry) => entry.id === id) ? current : '',
      );
      // After React shows the entry again, move focus to it (the browser's jump found nothing).
      requestAnimationFrame(() => document.getElementById(`term-${id}`)?.focus());
    };
    window.addEventListener('hashchange', reveal);
    return () => window.removeEventListener('hashchange', reveal);
  }, []);
  return (
    <div className="glossary">
      <label htmlFor={searchId}>Search the terms</label>
      <input
        id={searchId}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        aria-describedby={countId}
        autoComplete="off"
      />
      <p id={countId} className="glossary__count" aria-live="polite">
        {entries.length === 0
          ? `No term matches “${query.trim()}”.`
          : `${entries.length} term${entries.length === 1 ? '' : 's'}`}
      </p>
      <dl className="glossary__list">
        {entries.map((entry) => (
          <div key={entry.id} id={`term-${entry.id}`} className="glossary__entry" tabIndex={-1}>
            <dt>{entry.term}</dt>
            <dd>{entry.definition}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
