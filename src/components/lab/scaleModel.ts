import type { ScaleRequest, ScaleSettings, StoreTrip } from '../../engine/scale';

/** Arrivals for the scale drawing: `count` requests `gapMs` apart from 0. */
export function evenArrivals(count: number, gapMs: number): number[] {
  return Array.from({ length: count }, (_, i) => i * gapMs);
}

/** The settings runScale takes, from the drawing's controls. */
export function scaleSettings(choice: {
  replicas: number;
  counters: 'local' | 'shared';
  strategy: 'read-then-write' | 'atomic';
  storeRoundTripMs: number;
  maxRequests: number;
  windowMs: number;
}): ScaleSettings {
  const { replicas, maxRequests, windowMs } = choice;
  return choice.counters === 'local'
    ? { counters: 'local', replicas, maxRequests, windowMs }
    : {
        counters: 'shared',
        strategy: choice.strategy,
        storeRoundTripMs: choice.storeRoundTripMs,
        replicas,
        maxRequests,
        windowMs,
      };
}

function tripText(trip: StoreTrip): string {
  return trip.command === 'GET' ? `GET read ${trip.value}` : `INCR made it ${trip.value}`;
}

/** One request's journey in words: the replica, each store command and what came back, the answer. */
export function journey(request: ScaleRequest): string {
  const trips = request.trips.map(tripText);
  const where = `Request ${request.index + 1} at ${request.arrivedAtMs} ms → replica ${request.replica + 1}`;
  const store = trips.length === 0 ? 'its own counter' : `the store: ${trips.join(', then ')}`;
  const answer = request.allowed ? 'allowed' : 'refused (429)';
  return `${where}, ${store}; ${answer} at ${request.decidedAtMs} ms.`;
}
