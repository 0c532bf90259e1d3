import { lazy, Suspense, type ReactNode } from 'react';
import { CodeExample } from './components/lesson/CodeExample';
import { Glossary } from './components/lesson/Glossary';
import { RealWorld } from './components/lesson/RealWorld';
import { SectionBoundary } from './components/lesson/SectionBoundary';
import { Term } from './components/lesson/Term';
import { useLandOnHash } from './components/lesson/useLandOnHash';
import { WhyItMatters } from './components/lesson/WhyItMatters';
import { ExperimentsSection } from './components/exercises/ExperimentsSection';
import { Playground } from './components/playground/Playground';
import { ProgressOverview } from './components/progress/ProgressOverview';
import { RestoreNotice } from './components/progress/RestoreNotice';
import { SaveNotice } from './components/progress/SaveNotice';
import { Quiz } from './components/quiz/Quiz';
import { SECTIONS, sectionTitle, type SectionId } from './content/lesson';
import './styles/lesson.css';

const ChallengeSection = lazy(() =>
  import('./components/challenge/ChallengeSection').then((m) => ({ default: m.ChallengeSection })),
);

function LessonSection({ id, children }: { id: SectionId; children: ReactNode }) {
  return (
    <section id={id} className="lesson-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="lesson-section__title">
        {sectionTitle(id)}
      </h2>
      <SectionBoundary title={sectionTitle(id)}>{children}</SectionBoundary>
    </section>
  );
}

/** The page: the lesson's sections in order, with the playground as the visual model. */
export function App() {
  useLandOnHash();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the lesson
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
      <RestoreNotice />
      <SaveNotice />
      <main id="main" tabIndex={-1}>
        <ProgressOverview />
        <LessonSection id="why">
          <WhyItMatters />
        </LessonSection>
        <LessonSection id="terms">
          <Glossary />
        </LessonSection>
        {/* The playground brings its own "Visual model" heading. */}
        <div id="model" className="lesson-section">
          <p>
            The whole trip at a glance: clients on the left, the <Term id="gateway">gateway</Term>{' '}
            in the middle, <Term id="backend-service">backend services</Term> on the right. Every
            request passes <Term id="authentication">authentication</Term>,{' '}
            <Term id="rate-limiting">rate limiting</Term> and <Term id="route">routing</Term>, in
            that order, before a service sees it.
          </p>
          <SectionBoundary title={sectionTitle('model')}>
            <Playground />
          </SectionBoundary>
        </div>
        <LessonSection id="code">
          <CodeExample />
        </LessonSection>
        <LessonSection id="experiments">
          <ExperimentsSection />
        </LessonSection>
        <LessonSection id="quiz">
          <Quiz />
        </LessonSection>
        <div id="challenge" className="lesson-section">
          <SectionBoundary title={sectionTitle('challenge')}>
            <Suspense fallback={<p role="status">Loading the coding challenge…</p>}>
              <ChallengeSection />
            </Suspense>
          </SectionBoundary>
        </div>
        <LessonSection id="real-world">
          <RealWorld />
        </LessonSection>
      </main>
    </>
  );
}
