import { useId, useMemo, useState } from 'react';
import { MAX_REPLICAS, runScale } from '../../engine/scale';
import { SCALE_RANGES, SCALE_START, SCALE_TEXT } from '../../content/lab';
import { NumberField } from './NumberField';
import { RadioChoice } from './RadioChoice';
import { ScaleDrawing } from './ScaleDrawing';
import { evenArrivals, journey, scaleSettings } from './scaleModel';
import { useNumberField } from './useNumberField';
import { ScrollBox } from './ScrollBox';

const WINDOW_MS = 60_000;

const COUNTER_CHOICES = [
  { value: 'local', label: 'local to each replica' },
  { value: 'shared', label: 'in a shared store' },
] as const;

const STRATEGY_CHOICES = [
  { value: 'read-then-write', label: 'read, then write (GET, then INCR)' },
  { value: 'atomic', label: 'atomic increment (INCR first)' },
] as const;

/** Gateways at scale: replicas behind a load balancer, counting locally or in a shared store. */
export function ScaleOut() {
  const [replicas, setReplicas] = useState(SCALE_START.replicas);
  const [counters, setCounters] = useState(SCALE_START.counters);
  const [strategy, setStrategy] = useState(SCALE_START.strategy);
  const roundTrip = useNumberField(
    SCALE_START.storeRoundTripMs,
    SCALE_RANGES.storeRoundTripMs,
    'Store round trip (ms)',
    false,
  );
  const requests = useNumberField(SCALE_START.requests, SCALE_RANGES.requests, 'Requests', true);
  const gap = useNumberField(
    SCALE_START.gapMs,
    SCALE_RANGES.gapMs,
    'Gap between requests (ms)',
    false,
  );
  const [shownIndex, setShownIndex] = useState(0);
  const replicasId = useId();
  const requestId = useId();
  const name = useId();

  const result = useMemo(
    () =>
      runScale(
        scaleSettings({
          replicas,
          counters,
          strategy,
          storeRoundTripMs: roundTrip.value,
          maxRequests: SCALE_START.maxRequests,
          windowMs: WINDOW_MS,
        }),
        evenArrivals(requests.value, gap.value),
      ),
    [replicas, counters, strategy, roundTrip.value, requests.value, gap.value],
  );
  const index = Math.min(shownIndex, result.requests.length - 1);
  const shown = result.requests[index];

  return (
    <section className="lab-scale" aria-labelledby={`${name}-title`}>
      <h3 id={`${name}-title`}>Gateways at scale</h3>
      <p>{SCALE_TEXT.intro}</p>
      <p>{SCALE_TEXT.local}</p>
      <p>{SCALE_TEXT.shared}</p>
      <p>{SCALE_TEXT.race}</p>
      <p className="lab-note">{SCALE_TEXT.simplified}</p>
      <fieldset className="lab-settings">
        <legend>
          Replicas and counters (limit {SCALE_START.maxRequests} per minute, one client)
        </legend>
        <div className="lab-field">
          <label htmlFor={replicasId}>Replicas: {replicas}</label>
          <input
            id={replicasId}
            type="range"
            min={1}
            max={MAX_REPLICAS}
            value={replicas}
            onChange={(event) => setReplicas(Number(event.target.value))}
          />
        </div>
        <RadioChoice
          legend="Counters"
          options={COUNTER_CHOICES}
          value={counters}
          onChange={setCounters}
        />
        {counters === 'shared' ? (
          <>
            <RadioChoice
              legend="The replica asks the store by"
              options={STRATEGY_CHOICES}
              value={strategy}
              onChange={setStrategy}
            />
            <NumberField
              label="Store round trip (ms)"
              text={roundTrip.text}
              problem={roundTrip.problem}
              onChange={roundTrip.change}
            />
          </>
        ) : null}
        <NumberField
          label="Requests"
          text={requests.text}
          problem={requests.problem}
          onChange={requests.change}
        />
        <NumberField
          label="Gap between requests (ms)"
          text={gap.text}
          problem={gap.problem}
          onChange={gap.change}
        />
      </fieldset>
      <ScaleDrawing result={result} shown={shown ?? null} />
      {shown === undefined ? null : (
        <div className="lab-field lab-scale__step">
          <label htmlFor={requestId}>
            Request {index + 1} of {result.requests.length}
          </label>
          <input
            id={requestId}
            type="range"
            min={0}
            max={result.requests.length - 1}
            value={index}
            onChange={(event) => setShownIndex(Number(event.target.value))}
          />
          <p aria-live="polite">{journey(shown)}</p>
        </div>
      )}
      <ScrollBox label="Admitted requests, scrollable">
        <table className="lab-table" aria-label="Admitted requests">
          <caption>Of {result.requests.length} requests: admitted per replica and in total</caption>
          <thead>
            <tr>
              {result.admittedPerReplica.map((_, k) => (
                <th key={k} scope="col">
                  Replica {k + 1}
                </th>
              ))}
              <th scope="col">Total admitted</th>
              <th scope="col">One counter would admit</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              {result.admittedPerReplica.map((count, k) => (
                <td key={k}>{count}</td>
              ))}
              <td data-figure="admitted">{result.admitted}</td>
              <td data-figure="one-counter">{result.oneCounterAdmits}</td>
            </tr>
          </tbody>
        </table>
      </ScrollBox>
      <p>
        {result.admitted > result.oneCounterAdmits
          ? `${result.admitted - result.oneCounterAdmits} more than the limit meant: ${
              counters === 'local'
                ? 'each replica counted only the requests it saw.'
                : 'reads reached the store before earlier increments.'
            }`
          : 'The replicas together admitted what one counter would: the limit held.'}
      </p>
    </section>
  );
}
