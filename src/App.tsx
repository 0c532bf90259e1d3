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
import { TourPanel } from './components/tour/TourPanel';
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

/**
 * The page: the lesson's sections in one column, beside the playground (the visual model), which
 * stays in view: sticky beside the lesson on wide screens, docked at the bottom on narrow ones.
 */
export function App() {
  useLandOnHash();
  return (
    <div className="page-layout">
      <a className="skip-link" href="#main">
        Skip to the lesson
      </a>
      <a className="skip-link" href="#playground-title">
        Skip to the playground
      </a>
      <div className="lesson-column">
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
          <LessonSection id="model">
            <p>
              The playground shows the whole trip at a glance: the clients, the{' '}
              <Term id="gateway">gateway</Term> between them and the{' '}
              <Term id="backend-service">backend services</Term>. Every request passes{' '}
              <Term id="authentication">authentication</Term>,{' '}
              <Term id="rate-limiting">rate limiting</Term> and <Term id="route">routing</Term>, in
              that order, before a service sees it. Press <strong>Send burst</strong> in the
              playground to send six requests from the mobile app, or follow one request step by
              step:
            </p>
            <TourPanel />
          </LessonSection>
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
      </div>
      <SectionBoundary title="Playground">
        <Playground />
      </SectionBoundary>
    </div>
  );
}
