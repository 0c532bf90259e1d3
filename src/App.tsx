import type { ReactNode } from 'react';
import { CodeExample } from './components/lesson/CodeExample';
import { Glossary } from './components/lesson/Glossary';
import { PageHeader } from './components/lesson/PageHeader';
import { RealWorld } from './components/lesson/RealWorld';
import { SectionBoundary } from './components/lesson/SectionBoundary';
import { Term } from './components/lesson/Term';
import { useLandOnHash } from './components/lesson/useLandOnHash';
import { useSkippedMark } from './components/lesson/useSkippedMark';
import { WhyItMatters } from './components/lesson/WhyItMatters';
import { AfterIdle } from './components/lazy/AfterIdle';
import { lazyWithRetry } from './components/lazy/lazyWithRetry';
import { ProgressOverview } from './components/progress/ProgressOverview';
import { RestoreNotice } from './components/progress/RestoreNotice';
import { SaveNotice } from './components/progress/SaveNotice';
import { TourPanel } from './components/tour/TourPanel';
import { sectionTitle, type SectionId } from './content/lesson';
import './styles/lesson.css';
// The page's two-column and docked layout must hold before the playground's chunk arrives.
import './components/playground/playground.css';

// Below the first screen: each is a chunk of its own, loaded once the browser is idle.
const ChallengeSection = lazyWithRetry(() =>
  import('./components/challenge/ChallengeSection').then((m) => ({ default: m.ChallengeSection })),
);
const ExperimentsSection = lazyWithRetry(() =>
  import('./components/exercises/ExperimentsSection').then((m) => ({
    default: m.ExperimentsSection,
  })),
);
const Playground = lazyWithRetry(() =>
  import('./components/playground/Playground').then((m) => ({ default: m.Playground })),
);
const LabSection = lazyWithRetry(() =>
  import('./components/lab/LabSection').then((m) => ({ default: m.LabSection })),
);
const Quiz = lazyWithRetry(() =>
  import('./components/quiz/Quiz').then((m) => ({ default: m.Quiz })),
);

function Loading({ what }: { what: string }) {
  return <p role="status">Loading the {what}…</p>;
}

function LessonSection({ id, children }: { id: SectionId; children: ReactNode }) {
  const ref = useSkippedMark<HTMLElement>();
  return (
    <section ref={ref} id={id} className="lesson-section" aria-labelledby={`${id}-title`}>
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
      <div className="lesson-column">
        <PageHeader />
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
            <AfterIdle
              load={ExperimentsSection.preload}
              placeholder={<Loading what="experiments" />}
            >
              <ExperimentsSection />
            </AfterIdle>
          </LessonSection>
          <LessonSection id="quiz">
            <AfterIdle load={Quiz.preload} placeholder={<Loading what="quiz" />}>
              <Quiz />
            </AfterIdle>
          </LessonSection>
          <div id="challenge" className="lesson-section">
            <SectionBoundary title={sectionTitle('challenge')}>
              <AfterIdle
                load={ChallengeSection.preload}
                placeholder={<Loading what="coding challenge" />}
              >
                <ChallengeSection />
              </AfterIdle>
            </SectionBoundary>
          </div>
          <LessonSection id="lab">
            <AfterIdle load={LabSection.preload} placeholder={<Loading what="algorithm lab" />}>
              <LabSection />
            </AfterIdle>
          </LessonSection>
          <LessonSection id="real-world">
            <RealWorld />
          </LessonSection>
        </main>
      </div>
      <SectionBoundary title="Playground">
        {/* The dock's own box holds the place while the playground loads, so nothing moves. */}
        {/* First of the parts built after load: it is on the first screen, beside or under the lesson. */}
        <AfterIdle
          first
          load={Playground.preload}
          placeholder={
            <aside className="playground-dock">
              <Loading what="playground" />
            </aside>
          }
        >
          <Playground />
        </AfterIdle>
      </SectionBoundary>
    </div>
  );
}
