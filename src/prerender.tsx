import { renderToString } from 'react-dom/server';
import { PageHeader } from './components/lesson/PageHeader';

/**
 * The first screen's static part as HTML, for the build to put in index.html: the text paints
 * before the script runs, and the app then renders the same header in its place.
 */
export function renderFirstScreen(): string {
  // Inside the same boxes the app renders it in (see App.tsx), so nothing moves when it takes over.
  return renderToString(
    <div className="page-layout">
      <div className="lesson-column">
        <PageHeader />
      </div>
    </div>,
  );
}
