import { lazy, type ReactNode } from 'react';
import { CodeExample } from './components/lesson/CodeExample';
import { Glossary } from './components/lesson/Glossary';
import { PageHeader } from './components/lesson/PageHeader';
import { RealWorld } from './components/lesson/RealWorld';
import { Term } from './components/lesson/Term';
import { useLandOnHash } from './components/lesson/useLandOnHash';
import { WhyItMatters } from './components/lesson/WhyItMatters';
import { AfterIdle } from './components/lazy/AfterIdle';
import { ProgressOverview } from './components/progress/ProgressOverview';
import { RestoreNotice } from './components/progress/RestoreNotice';
import { sectionTitle, type SectionId } from './content/lesson';
import './styles/lesson.css';

// Below the first screen: each is a chunk of its own, loaded once the browser is idle.
const ChallengeSection = lazy(() =>
  import('./components/challenge/ChallengeSection').then((m) => ({ default: m.ChallengeSection })),
);
const ExperimentsSection = lazy(() =>
  import('./components/exercises/ExperimentsSection').then((m) => ({
    default: m.ExperimentsSection,
  })),
);
const Playground = lazy(() =>
  import('./components/playground/Playground').then((m) => ({ default: m.Playground })),
);
const Quiz = lazy(() => import('./components/quiz/Quiz').then((m) => ({ default: m.Quiz })));

function Loading({ what }: { what: string }) {
  return <p role="status">Loading the {what}…</p>;
}

function LessonSection({ id, children }: { id: SectionId; children: ReactNode }) {
  return (
    <section id={id} className="lesson-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="lesson-section__title">
        {sectionTitle(id)}
      </h2>
      {children}
    </section>
  );
}

/** The page: the lesson's sections in order, with the playground as the visual model. */
export function App() {
  useLandOnHash();
  return (
    <>
      <PageHeader />
      <RestoreNotice />
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
          <AfterIdle placeholder={<Loading what="playground" />}>
            <Playground />
          </AfterIdle>
        </div>
        <LessonSection id="code">
          <CodeExample />
        </LessonSection>
        <LessonSection id="experiments">
          <AfterIdle placeholder={<Loading what="experiments" />}>
            <ExperimentsSection />
          </AfterIdle>
        </LessonSection>
        <LessonSection id="quiz">
          <AfterIdle placeholder={<Loading what="quiz" />}>
            <Quiz />
          </AfterIdle>
        </LessonSection>
        <div id="challenge" className="lesson-section">
          <AfterIdle placeholder={<Loading what="coding challenge" />}>
            <ChallengeSection />
          </AfterIdle>
        </div>
        <LessonSection id="real-world">
          <RealWorld />
        </LessonSection>
      </main>
    </>
  );
}
