// Adds lock entries for node-llama-cpp's platform packages that this build machine's npm registry mirror
// does not serve (macOS, Windows, riscv64). Without them `npm ci` rejects the lock as out of sync; with them,
// npm ci skips them on other platforms and fetches them by version where they apply.
// Run after upgrading node-llama-cpp:  node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const OS = { linux: 'linux', mac: 'darwin', win: 'win32' };
const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const parent = lock.packages['node_modules/node-llama-cpp'];
let added = 0;
for (const [name, version] of Object.entries(parent.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) continue;
  // @node-llama-cpp/<os>-<cpu>[-<variant>], e.g. win-x64-cuda, mac-arm64-metal.
  const [os, cpu] = name.split('/')[1].split('-');
  lock.packages[key] = { version, cpu: [cpu], license: parent.license, optional: true, os: [OS[os]] };
  added++;
}
const entries = Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)));
lock.packages = Object.fromEntries(entries);
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} platform entries to package-lock.json`);
