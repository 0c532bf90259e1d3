import { isTermId, type TermId } from '../../content/glossary';

/** A piece of tour text: plain, or a glossary term written `[[term-id|shown words]]`. */
export type TourTextPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'term'; readonly termId: TermId; readonly text: string };

const TERM = /\[\[([a-z0-9-]+)\|([^\]]+)\]\]/g;

/** Splits tour text into plain parts and glossary terms (an unknown term id stays plain text). */
export function parseTourText(body: string): TourTextPart[] {
  const parts: TourTextPart[] = [];
  let last = 0;
  for (const match of body.matchAll(TERM)) {
    const [whole, termId = '', text = ''] = match;
    if (match.index > last) parts.push({ kind: 'text', text: body.slice(last, match.index) });
    parts.push(isTermId(termId) ? { kind: 'term', termId, text } : { kind: 'text', text });
    last = match.index + whole.length;
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) });
  return parts;
}
