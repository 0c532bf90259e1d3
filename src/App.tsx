import { Playground } from './components/playground/Playground';

/** The page: the lesson's sections in order, with the playground as the visual model. */
export function App() {
  return (
    <>
      <header className="page-header">
        <h1>How an API gateway works</h1>
        <p>Send requests and watch the gateway authenticate, rate-limit and route them.</p>
      </header>
      <main>
        <Playground />
      </main>
    </>
  );
}
