/** Prose from content files where `backticks` mark code: those parts render as <code>. */
export function CodeText({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((part, i) =>
        // Odd parts sat between a pair of backticks; an unpaired one stays plain text.
        i % 2 === 1 && i < parts.length - 1 ? <code key={i}>{part}</code> : part,
      )}
    </>
  );
}
