/** Known-wrong solutions for the token bucket and prefix router challenges, one mistake each. */
const bucketWith = (body: string) => `class TokenBucket {
  constructor(capacity, refillPerSecond) {
    this.capacity = capacity;
    this.refillPerSecond = refillPerSecond;
    this.buckets = new Map();
  }
  allowRequest(clientId, timestamp) {
${body}
  }
}`;

const REFILL = `    let b = this.buckets.get(clientId);
    if (!b) { b = { tokens: this.capacity, lastMs: timestamp }; this.buckets.set(clientId, b); }
    b.tokens = Math.min(this.capacity, b.tokens + ((timestamp - b.lastMs) / 1000) * this.refillPerSecond);
    b.lastMs = timestamp;`;

export const WRONG_TOKEN_BUCKETS: Readonly<Record<string, string>> = {
  'starts empty': bucketWith(`    let b = this.buckets.get(clientId);
    if (!b) { b = { tokens: 0, lastMs: timestamp }; this.buckets.set(clientId, b); }
    b.tokens = Math.min(this.capacity, b.tokens + ((timestamp - b.lastMs) / 1000) * this.refillPerSecond);
    b.lastMs = timestamp;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;`),
  'refused requests take a token': bucketWith(`${REFILL}
    const allowed = b.tokens >= 1;
    b.tokens -= 1;
    return allowed;`),
  'no cap on refill': bucketWith(`    let b = this.buckets.get(clientId);
    if (!b) { b = { tokens: this.capacity, lastMs: timestamp }; this.buckets.set(clientId, b); }
    b.tokens = b.tokens + ((timestamp - b.lastMs) / 1000) * this.refillPerSecond;
    b.lastMs = timestamp;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;`),
  'drops partial tokens': bucketWith(`    let b = this.buckets.get(clientId);
    if (!b) { b = { tokens: this.capacity, lastMs: timestamp }; this.buckets.set(clientId, b); }
    b.tokens = Math.min(this.capacity, b.tokens + Math.floor(((timestamp - b.lastMs) / 1000) * this.refillPerSecond));
    b.lastMs = timestamp;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;`),
  'one bucket for every client': bucketWith(`    clientId = 'everyone';
${REFILL}
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;`),
  'capacity capped at 10': bucketWith(`    let b = this.buckets.get(clientId);
    const cap = Math.min(this.capacity, 10);
    if (!b) { b = { tokens: cap, lastMs: timestamp }; this.buckets.set(clientId, b); }
    b.tokens = Math.min(cap, b.tokens + ((timestamp - b.lastMs) / 1000) * this.refillPerSecond);
    b.lastMs = timestamp;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;`),
  'uses Date.now': bucketWith(`    const now = Date.now();
    let b = this.buckets.get(clientId);
    if (!b) { b = { tokens: this.capacity, lastMs: now }; this.buckets.set(clientId, b); }
    b.tokens = Math.min(this.capacity, b.tokens + ((now - b.lastMs) / 1000) * this.refillPerSecond);
    b.lastMs = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;`),
};

const routerWith = (body: string) => `function findRoute(path, routes) {
${body}
}`;

export const WRONG_ROUTERS: Readonly<Record<string, string>> = {
  'first matching key, not the longest': routerWith(`  const p = path.split('?')[0];
  if (p in routes) return routes[p];
  for (const key of Object.keys(routes)) {
    const base = key.length > 1 && key.endsWith('/') ? key.slice(0, -1) : key;
    if (base === '/' || p === base || p.startsWith(base + '/')) return routes[key];
  }
  return null;`),
  'no segment boundary': routerWith(`  const p = path.split('?')[0];
  let best = null;
  for (const key of Object.keys(routes)) {
    if (p.startsWith(key) && (best === null || key.length > best.length)) best = key;
  }
  return best === null ? null : routes[best];`),
  'query string not ignored': routerWith(`  const p = path;
  if (p in routes) return routes[p];
  let best = null;
  for (const key of Object.keys(routes)) {
    const base = key.length > 1 && key.endsWith('/') ? key.slice(0, -1) : key;
    if ((base === '/' || p === base || p.startsWith(base + '/')) && (best === null || key.length > best.length)) best = key;
  }
  return best === null ? null : routes[best];`),
  'exact keys only': routerWith(`  const p = path.split('?')[0];
  return p in routes ? routes[p] : null;`),
  'empty string when nothing matches': routerWith(`  const p = path.split('?')[0];
  let best = null;
  for (const key of Object.keys(routes)) {
    const base = key.length > 1 && key.endsWith('/') ? key.slice(0, -1) : key;
    if ((base === '/' || p === base || p.startsWith(base + '/')) && (best === null || key.length > best.length)) best = key;
  }
  return best === null ? '' : routes[best];`),
  'shortest prefix wins': routerWith(`  const p = path.split('?')[0];
  if (p in routes) return routes[p];
  let best = null;
  for (const key of Object.keys(routes)) {
    const base = key.length > 1 && key.endsWith('/') ? key.slice(0, -1) : key;
    if ((base === '/' || p === base || p.startsWith(base + '/')) && (best === null || key.length < best.length)) best = key;
  }
  return best === null ? null : routes[best];`),
};
