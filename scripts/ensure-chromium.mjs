// Makes sure a Chromium exists before the browser tests. On Debian as root it installs Debian's
// package; anywhere else it stops with one line saying what to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEBIAN_CHROMIUM, findChromium } from './chromium-path.mjs';

const found = findChromium();
if (found !== null) {
  console.log(`chromium: ${found}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
if (!isRoot || !isDebian) {
  console.error(
    'No Chromium found: install one (Debian: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH to its binary.',
  );
  process.exit(1);
}

console.log('chromium: none found; installing Debian package "chromium" with apt-get…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
if (!existsSync(DEBIAN_CHROMIUM)) {
  console.error(`apt-get finished but ${DEBIAN_CHROMIUM} is missing; set CHROMIUM_PATH instead.`);
  process.exit(1);
}
console.log(`chromium: ${DEBIAN_CHROMIUM}`);
