import type { GatewayStage } from '../pipeline/types';
import { LESSON_PROFILE } from '../profiles/lesson';
import { describeStage } from '../profiles/stageInfo';
import type { GatewayProfile } from '../profiles/types';
import { REQUEST_ID_PREFIX, formatRequestId } from './requestIds';

/**
 * Request id / correlation id: a request that arrives with an id header keeps it (it correlates
 * the calls of one user action across services); otherwise the gateway numbers it. The id goes
 * to the service and back to the client. Ids are a counter, so runs are reproducible.
 */
export function requestIdStage(
  profile: GatewayProfile = LESSON_PROFILE,
  prefix = REQUEST_ID_PREFIX,
  issued = 0,
): GatewayStage {
  let count = issued;
  const header = profile.requestIdHeader;
  return {
    ...describeStage(profile, 'request-id'),
    run(context) {
      const given = context.request.headers?.[header];
      const kept = given !== undefined && given !== '';
      const id = kept ? given : formatRequestId(prefix, ++count);
      (context.forwardHeaders ??= {})[header] = id;
      // The response headers start here, so every answer (refusals too) carries the id.
      context.headers[header] = id;
      return { verdict: 'pass', note: kept ? `kept ${id} from the client` : `id ${id}` };
    },
    fork: () => requestIdStage(profile, prefix, count),
  };
}
