// The commands build.sh dispatches (its last `case "${1:-}" in`), for the tests that hold its usage
// text and the command reference to them.
import fs from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export function dispatchedCommands(script = fs.readFileSync(path.join(repoRoot, 'build.sh'), 'utf8')) {
  return [...script.slice(script.lastIndexOf('case "${1:-}" in')).matchAll(/^ {2}([a-z-]+)\)/gm)].map((m) => m[1]);
}
