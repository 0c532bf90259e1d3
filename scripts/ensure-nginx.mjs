// Makes sure an nginx binary exists before the real-nginx tests. On Debian as root it installs
// Debian's `nginx-light` without letting the package start a system nginx on port 80; anywhere
// else it stops with one line saying what to install.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { DEBIAN_NGINX, findNginx } from './nginx-path.mjs';

let found;
try {
  found = findNginx();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
if (found !== null) {
  console.log(`nginx: ${found}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
if (!isRoot || !isDebian) {
  console.error(
    'No nginx found: install one (Debian: `sudo apt-get install -y nginx-light`, macOS: `brew install nginx`) or set NGINX_PATH to its binary.',
  );
  process.exit(1);
}

// invoke-rc.d asks policy-rc.d whether a package may start its service; exit code 101 means no.
// Only a policy file this script created is removed again.
const POLICY = '/usr/sbin/policy-rc.d';
const ownPolicy = !existsSync(POLICY);
if (ownPolicy) writeFileSync(POLICY, '#!/bin/sh\nexit 101\n', { mode: 0o755 });

console.log('nginx: none found; installing Debian package "nginx-light" with apt-get…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'nginx-light'], {
    stdio: 'inherit',
    env,
  });
} finally {
  if (ownPolicy) rmSync(POLICY, { force: true });
}
// Belt and braces: if a service manager started nginx anyway, stop it so nothing listens on :80.
try {
  execFileSync(DEBIAN_NGINX, ['-s', 'quit'], { stdio: 'ignore' });
} catch {
  // Not running, which is what we want.
}
if (!existsSync(DEBIAN_NGINX)) {
  console.error(`apt-get finished but ${DEBIAN_NGINX} is missing; set NGINX_PATH instead.`);
  process.exit(1);
}
console.log(`nginx: ${DEBIAN_NGINX}`);
