import { renderToString } from 'react-dom/server';
import { PageHeader } from './components/lesson/PageHeader';

/**
 * The first screen's static part as HTML, for the build to put in index.html: the text paints
 * before the script runs, and the app then renders the same header in its place.
 */
export function renderFirstScreen(): string {
  return renderToString(<PageHeader />);
}
