import { describe, expect, it } from 'vitest';
import { pathBypassDecisions } from './pathBypass';

describe('the /api/users/../admin example', () => {
  it('reaches the user service with normalisation off, and no route with it on', () => {
    const [off, on] = pathBypassDecisions();
    expect(off?.decision.status).toBe(200);
    expect(off?.decision.service).toBe('user-service');
    expect(on?.decision.status).toBe(404);
  });
});
