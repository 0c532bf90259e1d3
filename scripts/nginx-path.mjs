// Finds an nginx binary for the real-nginx tests: NGINX_PATH, then `nginx` on PATH, then
// Debian's /usr/sbin/nginx (root's PATH has /usr/sbin, a user's often does not). Returns null
// when none exists.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const DEBIAN_NGINX = '/usr/sbin/nginx';

/** @returns {string | null} */
export function findNginx() {
  const fromEnv = process.env.NGINX_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`NGINX_PATH is set to ${fromEnv}, but no file is there.`);
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'nginx');
    if (existsSync(candidate)) return candidate;
  }
  return existsSync(DEBIAN_NGINX) ? DEBIAN_NGINX : null;
}
