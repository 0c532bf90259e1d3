import type { RichText } from '../../content/experiments';
import { Term } from '../lesson/Term';

/** Lesson prose from content data: text, code and glossary links. */
export function RichTextView({ text }: { text: RichText }) {
  return (
    <p>
      {text.map((part, index) =>
        typeof part === 'string' ? (
          part
        ) : 'code' in part ? (
          <code key={index}>{part.code}</code>
        ) : (
          <Term key={index} id={part.term}>
            {part.text}
          </Term>
        ),
      )}
    </p>
  );
}
