import runnerSource from '../../engine/pipeline/runner.ts?raw';
import authSource from '../../engine/stages/auth.ts?raw';
import rateLimitSource from '../../engine/stages/rateLimit.ts?raw';
import routerSource from '../../engine/stages/router.ts?raw';
import { tokenize } from './highlight';
import { extractFunction, PIPELINE_PARTS } from './sourceExtract';
import { Term } from './Term';

const SOURCES: Readonly<Record<(typeof PIPELINE_PARTS)[number]['file'], string>> = {
  'stages/auth.ts': authSource,
  'stages/rateLimit.ts': rateLimitSource,
  'stages/router.ts': routerSource,
  'pipeline/runner.ts': runnerSource,
};

function HighlightedCode({ code, name }: { code: string; name: string }) {
  return (
    // Focusable: on a narrow screen the code scrolls sideways, and a keyboard must reach that too.
    <pre className="code-block" tabIndex={0} role="region" aria-label={`Source of ${name}`}>
      <code>
        {tokenize(code).map((token, index) =>
          token.kind === null ? (
            token.text
          ) : (
            <span key={index} className={`tok-${token.kind}`}>
              {token.text}
            </span>
          ),
        )}
      </code>
    </pre>
  );
}

/**
 * Section 4: the gateway code that really runs in the playground, cut from the engine's source
 * at build time, so the page cannot show something the simulation does not do.
 */
export function CodeExample() {
  return (
    <>
      <p>
        This is the code the playground runs, taken from its source as it is. Each stage is a small
        object with a <code>run</code> method; the pipeline calls them in order and stops at the
        first one that refuses. A missing <Term id="api-key">API key</Term> ends the trip at step 1
        with <Term id="status-401">401</Term>; a client over its limit ends it at step 2 with{' '}
        <Term id="status-429">429</Term> and a <Term id="retry-after">Retry-After</Term> header; an
        unknown path ends it at step 3 with <Term id="status-404">404</Term>.
      </p>
      {PIPELINE_PARTS.map((part) => {
        const code = extractFunction(SOURCES[part.file], part.name);
        return (
          <figure key={part.name} className="code-step">
            <figcaption>
              <span className="code-step__label">{part.label}</span> <code>{part.name}</code>
            </figcaption>
            {code === null ? (
              <p role="alert">The function {part.name} is no longer in the engine source.</p>
            ) : (
              <HighlightedCode code={code} name={part.name} />
            )}
          </figure>
        );
      })}
    </>
  );
}
