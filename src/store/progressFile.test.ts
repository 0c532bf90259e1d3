import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { createAppState } from './index';
import { restoredProgress, savedPart, STORAGE_VERSION } from './persistence';
import { progressFileText, readProgressFile } from './progressFile';

describe('progress files', () => {
  it('round-trips a store’s progress into a fresh store', () => {
    const from = create(createAppState);
    from.getState().setExperimentStatus('bursts', 'done');
    from.getState().answerQuiz('order-of-checks', { choice: ['auth-first'], correct: true });
    from.getState().setChallengeDraft('sliding-window', 'class RateLimiter {}');
    from.getState().setChallengePassed('sliding-window', true);
    const read = readProgressFile(progressFileText(savedPart(from.getState())));
    if (!read.ok) throw new Error(read.message);
    const to = create(createAppState);
    to.setState((current) => restoredProgress(current, read.progress));
    expect(savedPart(to.getState())).toEqual(savedPart(from.getState()));
  });

  it('reads a version 1 file (before quiz answers)', () => {
    const v1 = { experiments: { bursts: 'done' }, challengeDraft: null, challengePassed: false };
    const read = readProgressFile(JSON.stringify({ state: v1, version: 1 }));
    expect(read).toEqual({
      ok: true,
      progress: {
        experiments: v1.experiments,
        challengeProgress: { 'sliding-window': { draft: null, passed: false } },
        activeChallengeId: 'sliding-window',
        quizAnswers: {},
        experimentFeedback: {},
        lookupDraft: null,
        learnerRoutes: [],
      },
    });
  });

  it.each([
    ['not JSON', '{"state":', /not JSON/],
    ['no envelope', '[1, 2]', /not a progress file/],
    ['a newer version', JSON.stringify({ state: {}, version: STORAGE_VERSION + 1 }), /newer/],
    ['damaged progress', JSON.stringify({ state: { experiments: 3 }, version: 2 }), /damaged/],
  ])('refuses %s with a reason', (_name, text, reason) => {
    const read = readProgressFile(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(reason);
  });
});
