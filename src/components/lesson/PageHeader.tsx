import { SECTIONS } from '../../content/lesson';

/**
 * The top of the page: title, one line on what to do, the sections. Static, so the build renders
 * it into index.html (see vite.config.ts) and it paints before any script has run.
 */
export function PageHeader() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the lesson
      </a>
      <a className="skip-link" href="#playground-title">
        Skip to the playground
      </a>
      <header className="page-header">
        <h1>How an API gateway works</h1>
        <p>Send requests and watch the gateway authenticate, rate-limit and route them.</p>
        <nav aria-label="Lesson sections" className="toc">
          <ol>
            {SECTIONS.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{section.title}</a>
              </li>
            ))}
          </ol>
        </nav>
      </header>
    </>
  );
}
