import {
  afterResponse,
  stopWith,
  type AfterResponse,
  type GatewayStage,
  type StageOutcome,
} from '../pipeline/types';
import { LESSON_PROFILE } from '../profiles/lesson';
import { describeStage } from '../profiles/stageInfo';
import type { GatewayProfile } from '../profiles/types';
import { serviceName } from '../routing';
import type { HealthBook } from '../upstream/health';
import { instanceName, type Upstreams } from '../upstream/upstreams';

/**
 * Load balancing with passive health checks: picks an instance of the routed service (round
 * robin or least connections) among those not ejected, or the one probe after a cool-down; when
 * every instance is ejected the gateway answers at once (503, circuit open). Each answer is
 * reported back to the health book at the moment it is back at the gateway.
 */
export function balancerStage(
  book: HealthBook,
  upstreams: Upstreams,
  profile: GatewayProfile = LESSON_PROFILE,
): GatewayStage {
  // One hook for every request: the exchange names the instance the request went to.
  const report: AfterResponse = (_, { upstream }) => {
    if (upstream !== null)
      book.settle(
        upstream.service,
        upstream.instanceIndex,
        upstream.settledAtMs,
        upstream.outcome === 'ok',
      );
  };
  // Each instance's pass (and probe) says the same on every request: made once per instance.
  const picks = new Map<string, StageOutcome>();
  const probes = new Map<string, StageOutcome>();
  return {
    ...describeStage(profile, 'balancer'),
    learnsFromResponses: true,
    run(context) {
      const route = context.route;
      if (route === null) return { verdict: 'pass', note: 'no route: nothing to balance' };
      const service = serviceName(route.serviceUrl);
      const count = upstreams.instanceCount(service);
      const pick = book.pick(service, count, context.atMs);
      if (pick === null) {
        const note = `all ${count} instances of ${service} ejected: circuit open`;
        return stopWith('respond', note, profile.circuitOpen(service));
      }
      context.instanceIndex = pick.index;
      afterResponse(context, report);
      const name = instanceName(service, pick.index);
      const made = pick.probe ? probes : picks;
      let pass = made.get(name);
      if (pass === undefined) {
        const note = pick.probe
          ? `cool-down over: ${name} gets one probe (half-open)`
          : `${book.options.algorithm} → ${name}`;
        pass = { verdict: 'pass', note };
        made.set(name, pass);
      }
      return pass;
    },
    fork: () => balancerStage(book.fork(), upstreams, profile),
  };
}
