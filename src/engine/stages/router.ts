import { stopWith, type GatewayStage, type StageOutcome } from '../pipeline/types';
import { LESSON_PROFILE } from '../profiles/lesson';
import { describeStage } from '../profiles/stageInfo';
import type { GatewayProfile } from '../profiles/types';
import type { RouteRedirect } from '../profiles/types';
import { pathOnly, serviceName, type Route, type RouteLookup } from '../routing';

/**
 * The router stage: picks the service for the path as earlier stages left it, or refuses (404).
 * `redirect` (nginx's 301 to a location's trailing `/`) is asked first when the profile has one.
 */
export function routerStage(
  lookup: RouteLookup,
  profile: GatewayProfile = LESSON_PROFILE,
  redirect: ((path: string) => RouteRedirect | null) | null = null,
): GatewayStage {
  // A route passes with the same note on every request, so its outcome is made once. Weakly
  // held: a custom lookup may hand out routes the gateway does not keep.
  const passes = new WeakMap<Route, StageOutcome>();
  return {
    ...describeStage(profile, 'router'),
    run(context) {
      const moved = redirect === null ? null : redirect(context.path);
      if (moved !== null) {
        context.headers['Location'] = moved.location;
        const note = `${pathOnly(context.path)} redirected to ${moved.location}`;
        return stopWith('respond', note, moved);
      }
      const route = lookup(context.path);
      if (route === null) {
        return stopWith(
          'refuse',
          `no route for ${pathOnly(context.path)}`,
          profile.refusals.noRoute,
        );
      }
      context.route = route;
      let pass = passes.get(route);
      if (pass === undefined) {
        const note = `${route.path} → ${serviceName(route.serviceUrl)}`;
        pass = { verdict: 'pass', note };
        passes.set(route, pass);
      }
      return pass;
    },
  };
}
