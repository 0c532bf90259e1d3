import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { formatClock } from '../playback/timeline';
import { useAppStore, type AppState } from '../../store';
import { progressOf } from '../../store/challengeSlice';
import { emptyHistory, rebuildAt, type History } from '../../store/rewind';
import { PLAYGROUND_SEED } from '../../store/playgroundSlice';
import {
  decodeScenario,
  encodeScenario,
  scenarioOf,
  SCENARIO_PARAM,
  type Scenario,
  type SharedCode,
} from '../../share/scenario';

type Notice = { readonly kind: 'status' | 'alert'; readonly text: string } | null;

/** The page's address with this scenario in its query; the hash (a section) is kept. */
/** The learner's draft of the challenge they have open, as a link would carry it. */
function sharedDraft(state: AppState): SharedCode | null {
  const challenge = state.activeChallengeId;
  const source = progressOf(state, challenge).draft;
  return source === null ? null : { challenge, source };
}

function linkFor(value: string): string {
  const url = new URL(window.location.href);
  url.searchParams.set(SCENARIO_PARAM, value);
  return url.toString();
}

function historyOf(scenario: Scenario): History {
  return {
    ...emptyHistory({ ...scenario.start, seed: PLAYGROUND_SEED }),
    actions: scenario.actions,
  };
}

/** What the page's link asked for when it opened: a scenario to restore, a problem, or nothing. */
type Opened =
  | { readonly kind: 'none' }
  | { readonly kind: 'scenario'; readonly scenario: Scenario }
  | { readonly kind: 'problem'; readonly why: string };

/** The query the page was opened with (later Copy link changes the address, not this). */
let searchAtOpen: string | undefined;
const searchOnOpen = () => (searchAtOpen ??= window.location.search);
const neverChanges = () => () => {};

/**
 * Reads the link's scenario and checks that the engine accepts it, by rebuilding it on a fresh
 * engine (pure, nothing is shown yet); anything wrong becomes a problem for the learner.
 */
function readLink(search: string): Opened {
  const value = new URLSearchParams(search).get(SCENARIO_PARAM);
  if (value === null) return { kind: 'none' };
  try {
    const scenario = decodeScenario(value);
    rebuildAt(historyOf(scenario), scenario.atMs);
    return { kind: 'scenario', scenario };
  } catch (error) {
    return { kind: 'problem', why: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * "Copy link": the scenario (settings, routes, what was sent and when, the moment shown, the
 * traffic form) in the page's address, and the challenge code only if the learner ticks it.
 * Opening such a link restores the scenario; code in it is offered, never run.
 */
export function ShareScenario() {
  const [withCode, setWithCode] = useState(false);
  const [copied, setCopied] = useState<Notice>(null);
  const [codeHandled, setCodeHandled] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const codeBoxId = useId();
  // '' on the server, so the pre-rendered page and the first client render agree.
  const search = useSyncExternalStore(neverChanges, searchOnOpen, () => '');
  const opened = useMemo(() => readLink(search), [search]);

  useEffect(() => {
    if (opened.kind !== 'scenario') return;
    const { scenario } = opened;
    const store = useAppStore.getState();
    store.loadRecording(historyOf(scenario), scenario.atMs);
    store.setTrafficForm(scenario.form);
  }, [opened]);

  const openedNotice: Notice =
    opened.kind === 'scenario'
      ? {
          kind: 'status',
          text: `Scenario from the link restored at ${formatClock(opened.scenario.atMs)}.`,
        }
      : opened.kind === 'problem'
        ? {
            kind: 'alert',
            text: `This link’s scenario could not be opened (${opened.why}). The playground starts as usual.`,
          }
        : null;
  const notice = copied ?? openedNotice;
  const sharedCode = opened.kind === 'scenario' && !codeHandled ? opened.scenario.code : null;

  const copy = async () => {
    const state = useAppStore.getState();
    const scenario = scenarioOf(
      state.history,
      state,
      state.trafficForm,
      withCode ? sharedDraft(state) : null,
    );
    const { value, withActions } = encodeScenario(scenario);
    const url = linkFor(value);
    window.history.replaceState(window.history.state, '', url);
    setLink(url);
    const leftOut =
      state.history.stoppedBecause !== null
        ? ` It holds settings, routes and the form only: ${state.history.stoppedBecause}.`
        : withActions
          ? ''
          : ' It holds settings, routes and the form only: the requests made it too long.';
    try {
      await navigator.clipboard.writeText(url);
      setCopied({ kind: 'status', text: `Link copied.${leftOut}` });
    } catch {
      setCopied({
        kind: 'status',
        text: `The browser did not let the page copy: the link is in the address bar and below.${leftOut}`,
      });
    }
  };

  return (
    <div className="share">
      <details className="share-menu">
        <summary>Share</summary>
        <div className="share-controls">
          <label className="share-code">
            <input
              type="checkbox"
              checked={withCode}
              onChange={(e) => setWithCode(e.target.checked)}
            />{' '}
            include my challenge code
          </label>
          <button type="button" onClick={() => void copy()}>
            Copy link
          </button>
          {link !== null && (
            <input
              className="share-link"
              readOnly
              aria-label="Link to this scenario"
              value={link}
              onFocus={(e) => e.currentTarget.select()}
            />
          )}
        </div>
      </details>
      <p
        className={
          notice?.kind === 'alert' ? 'field-problem share-notice' : 'field-note share-notice'
        }
        role={notice?.kind === 'alert' ? 'alert' : 'status'}
      >
        {notice?.text}
      </p>
      {sharedCode !== null && (
        <div className="share-offer" role="group" aria-labelledby={codeBoxId}>
          <p id={codeBoxId}>
            This link also holds code for the coding challenge. It has not been run, and runs only
            if you press Run in the challenge.
          </p>
          <button
            type="button"
            onClick={() => {
              const store = useAppStore.getState();
              store.setActiveChallenge(sharedCode.challenge);
              store.setChallengeDraft(sharedCode.challenge, sharedCode.source);
              setCodeHandled(true);
              setCopied({ kind: 'status', text: 'The shared code is in the challenge editor.' });
            }}
          >
            Put it in the challenge editor (replaces your draft)
          </button>{' '}
          <button type="button" onClick={() => setCodeHandled(true)}>
            Leave it out
          </button>
        </div>
      )}
    </div>
  );
}
