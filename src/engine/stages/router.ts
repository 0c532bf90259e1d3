import type { GatewayStage } from '../pipeline/types';
import { LESSON_PROFILE } from '../profiles/lesson';
import { describeStage } from '../profiles/stageInfo';
import type { GatewayProfile } from '../profiles/types';
import { pathOnly, serviceName, type RouteLookup } from '../routing';

/** The router stage: picks the service for the path as earlier stages left it, or refuses (404). */
export function routerStage(
  lookup: RouteLookup,
  profile: GatewayProfile = LESSON_PROFILE,
): GatewayStage {
  return {
    ...describeStage(profile, 'router'),
    run(context) {
      const route = lookup(context.path);
      if (route === null) {
        return {
          verdict: 'refuse',
          note: `no route for ${pathOnly(context.path)}`,
          ...profile.refusals.noRoute,
        };
      }
      context.route = route;
      return { verdict: 'pass', note: `${route.path} → ${serviceName(route.serviceUrl)}` };
    },
  };
}
