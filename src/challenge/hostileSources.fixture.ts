/**
 * Learner sources that attack the grader rather than solve the challenge. Each one is wrong (its
 * limiter never refuses, or never answers), so a grader that is not fooled fails every one.
 */
const NEVER_REFUSES = `class RateLimiter {
  constructor(maxRequests, windowMs) {}
  allowRequest(clientId, timestamp) { return true; }
}`;

export const HOSTILE_SOURCES: Readonly<Record<string, string>> = {
  'Map.prototype.get returns nothing, so a reference using Map would allow everything': `
Map.prototype.get = function () { return undefined; };
${NEVER_REFUSES}`,
  'Array.prototype.map and some answer for the reference': `
const realMap = Array.prototype.map;
Array.prototype.map = function (f) { return realMap.call(this, () => true); };
Array.prototype.some = function () { return false; };
Array.prototype.every = function () { return true; };
${NEVER_REFUSES}`,
  'the harness built-ins are replaced': `
Reflect.apply = () => true;
Reflect.construct = () => ({ allowRequest: () => true });
Reflect.defineProperty = () => true;
Array.prototype.fill = function () { return this; };
Object.defineProperty(Array.prototype, '0', { set() {}, get() { return true; }, configurable: true });
Object.freeze = (x) => x;
Function('return this')().structuredClone = (x) => x;
JSON.stringify = () => '"forged"';
${NEVER_REFUSES}`,
  'process.exit from learner code': `
Function("return this")().process.exit(0);
${NEVER_REFUSES}`,
  'a rejected promise and a data: import after loading': `
Promise.reject(new Error('late rejection'));
import('data:text/javascript,throw new Error("late import")');
${NEVER_REFUSES}`,
  'JSON.stringify replaced': `
JSON.stringify = () => '"forged"';
${NEVER_REFUSES}`,
  'throws a Proxy that throws from every trap': `
const trap = () => { throw new Error('trap'); };
const hostile = new Proxy({}, {
  get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap, getOwnPropertyDescriptor: trap,
  defineProperty: trap, set: trap, deleteProperty: trap, isExtensible: trap, preventExtensions: trap,
  setPrototypeOf: trap, apply: trap, construct: trap,
});
class RateLimiter {
  constructor(maxRequests, windowMs) {}
  allowRequest(clientId, timestamp) { throw hostile; }
}`,
  'returns a Proxy that throws from every trap': `
const trap = () => { throw new Error('trap'); };
const hostile = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap });
class RateLimiter {
  constructor(maxRequests, windowMs) {}
  allowRequest(clientId, timestamp) { return hostile; }
}`,
  'an Error whose message getter throws': `
class RateLimiter {
  constructor(maxRequests, windowMs) {}
  allowRequest(clientId, timestamp) {
    const error = new Error('x');
    Object.defineProperty(error, 'message', { get() { throw new Error('no message'); } });
    Object.defineProperty(error, 'stack', { get() { throw new Error('no stack'); } });
    throw error;
  }
}`,
  'Error[Symbol.hasInstance] redefined': `
Object.defineProperty(Error, Symbol.hasInstance, { value: () => { throw new Error('boom'); } });
Object.defineProperty(Object.prototype, 'isError', { get() { throw new Error('boom'); } });
class RateLimiter {
  constructor(maxRequests, windowMs) {}
  allowRequest(clientId, timestamp) { throw new Error('x'); }
}`,
};

/** Runs forever inside allowRequest. */
export const INFINITE_LOOP = `class RateLimiter {
  constructor(maxRequests, windowMs) {}
  allowRequest(clientId, timestamp) { while (true) {} }
}`;

/** Wrong only for limits above 16: keeps a fixed ring of 16 timestamps per client. */
export const SIXTEEN_SLOT_RING = `class RateLimiter {
  constructor(maxRequests, windowMs) { this.maxRequests = maxRequests; this.windowMs = windowMs; this.rings = new Map(); }
  allowRequest(clientId, timestamp) {
    let ring = this.rings.get(clientId);
    if (!ring) { ring = { slots: new Array(16).fill(-Infinity), next: 0 }; this.rings.set(clientId, ring); }
    const inWindow = ring.slots.filter((t) => timestamp - t < this.windowMs).length;
    if (inWindow >= this.maxRequests) return false;
    ring.slots[ring.next] = timestamp;
    ring.next = (ring.next + 1) % 16;
    return true;
  }
}`;

/** Wrong only for limits above 10: caps the limit at 10. */
export const CAPPED_AT_TEN = `class RateLimiter {
  constructor(maxRequests, windowMs) { this.maxRequests = Math.min(maxRequests, 10); this.windowMs = windowMs; this.logs = new Map(); }
  allowRequest(clientId, timestamp) {
    const log = (this.logs.get(clientId) ?? []).filter((t) => timestamp - t < this.windowMs);
    this.logs.set(clientId, log);
    if (log.length >= this.maxRequests) return false;
    log.push(timestamp);
    return true;
  }
}`;
