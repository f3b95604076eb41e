// The README's first command on a machine without the Native AOT toolchain: ./build.sh synth must
// reach the apt installer before it builds anything, and stop with the exact command (exit 2) when
// it cannot install. apt, dpkg and sudo are fakes on PATH that record how they were called; the
// non-root case runs as the real user "nobody" (setpriv), so the script's own root check decides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const toolchainPackages = ['clang', 'zlib1g-dev', 'binutils', 'gcc-aarch64-linux-gnu', 'binutils-aarch64-linux-gnu', 'libc6-dev-arm64-cross'];
const isRoot = process.getuid?.() === 0;

/** A copy of build.sh and its toolchain script in a folder every user can read, with fake tools on PATH. */
function sandbox({ installed = [], aptExit = 0, sudo = 'absent' }) {
  const dir = mkdtempSync(join(tmpdir(), 'identitystack-toolchain-'));
  chmodSync(dir, 0o777);
  cpSync(join(root, 'build.sh'), join(dir, 'repo', 'build.sh'));
  cpSync(join(root, 'tools', 'toolchain'), join(dir, 'repo', 'tools', 'toolchain'), { recursive: true });
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const record = join(dir, 'calls.log');
  writeFileSync(record, '');
  chmodSync(record, 0o666);
  const fake = (name, body) => {
    writeFileSync(join(bin, name), `#!/usr/bin/env bash\necho "${name} $*" >> '${record}'\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  // As dpkg -s answers: installed, removed with its configuration kept (exit 0 all the same), or unknown.
  fake('dpkg', `case " ${installed.join(' ')} " in *" $2 "*) echo "Status: install ok installed" ;; *" $2:removed "*) echo "Status: deinstall ok config-files" ;; *) exit 1 ;; esac`);
  fake('apt-get', `exit ${aptExit}`);
  if (sudo === 'works') fake('sudo', '[ "$1" = -n ] && shift; exec "$@"');
  if (sudo === 'refuses') fake('sudo', 'echo "sudo: a password is required" >&2; exit 1');
  // A sudo that exists on this machine must not be found when the case says there is none.
  if (sudo === 'absent') fake('sudo', 'echo "sudo: command not found" >&2; exit 127');
  return { dir, bin, record, calls: () => readFileSync(record, 'utf8').trim().split('\n').filter(Boolean) };
}

function run(box, args, { asNobody = false } = {}) {
  const command = asNobody ? 'setpriv' : join(box.dir, 'repo', args[0]);
  const argv = asNobody
    ? ['--reuid=65534', '--regid=65534', '--clear-groups', join(box.dir, 'repo', args[0]), ...args.slice(1)]
    : args.slice(1);
  return spawnSync(command, argv, {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${box.bin}:${process.env.PATH}`, HOME: box.dir },
    timeout: 60_000,
  });
}

test('build.sh synth installs the missing toolchain with apt before building, and stops with the command when apt fails', () => {
  const box = sandbox({ installed: ['binutils', 'zlib1g-dev'], aptExit: 100, sudo: 'works' });
  try {
    const result = run(box, ['build.sh', 'synth']);
    assert.equal(result.status, 2, result.stderr);
    const missing = ['clang', 'gcc-aarch64-linux-gnu', 'binutils-aarch64-linux-gnu', 'libc6-dev-arm64-cross'];
    assert.match(result.stdout, new RegExp(`installing the Native AOT toolchain: ${missing.join(' ')} \\(apt-get\\)`));
    const apt = box.calls().filter((c) => c.startsWith('apt-get'));
    assert.deepEqual(apt, ['apt-get update -qq']);
    assert.match(result.stderr, /installing the Native AOT toolchain failed \(apt output above\); run\n {2}sudo apt-get update && sudo apt-get install -y --no-install-recommends clang zlib1g-dev binutils gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross\nthen run this again\./);
    assert.doesNotMatch(result.stdout, /building|synthesizing|installing Node tools/, 'nothing is built before the toolchain is there');
  } finally {
    rmSync(box.dir, { recursive: true, force: true });
  }
});

test('the toolchain step installs exactly the missing packages, then lets the build go on', () => {
  const box = sandbox({ installed: ['binutils', 'zlib1g-dev', 'clang'], aptExit: 0, sudo: 'works' });
  try {
    const result = run(box, ['tools/toolchain/ensure-aot-toolchain.sh']);
    assert.equal(result.status, 0, result.stderr);
    const apt = box.calls().filter((c) => c.startsWith('apt-get'));
    assert.deepEqual(apt, [
      'apt-get update -qq',
      'apt-get install -y -qq --no-install-recommends gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross',
    ]);
  } finally {
    rmSync(box.dir, { recursive: true, force: true });
  }
});

test('with every package present nothing is installed and nothing is printed', () => {
  const box = sandbox({ installed: toolchainPackages, sudo: 'refuses' });
  try {
    const result = run(box, ['tools/toolchain/ensure-aot-toolchain.sh']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout + result.stderr, '');
    assert.deepEqual(box.calls().filter((c) => !c.startsWith('dpkg')), []);
  } finally {
    rmSync(box.dir, { recursive: true, force: true });
  }
});

for (const sudo of ['refuses', 'absent']) {
  test(`a user who is not root and whose sudo ${sudo === 'absent' ? 'is missing' : 'asks for a password'} gets the exact command, exit 2, before any build`, { skip: !isRoot || !existsSync('/usr/bin/setpriv') ? 'needs root and setpriv to become another user' : false }, () => {
    const box = sandbox({ installed: ['binutils'], sudo });
    try {
      const result = run(box, ['build.sh', 'synth'], { asNobody: true });
      assert.equal(result.status, 2, result.stderr);
      assert.equal(result.stderr,
        'build.sh: the Native AOT toolchain is missing (clang zlib1g-dev gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross) and this user cannot install it: run\n'
        + '  sudo apt-get update && sudo apt-get install -y --no-install-recommends clang zlib1g-dev binutils gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross\n'
        + 'then run this again.\n');
      assert.equal(result.stdout, '');
      assert.deepEqual(box.calls().filter((c) => c.startsWith('apt-get')), [], 'apt is never called without the rights to install');
    } finally {
      rmSync(box.dir, { recursive: true, force: true });
    }
  });
}

test('build.sh test installs Chromium for the browser test after the toolchain, and stops with the command when apt fails', () => {
  // Chromium was removed with its configuration files kept: dpkg -s still knows it, but it is not installed.
  const box = sandbox({ installed: [...toolchainPackages, 'chromium:removed'], aptExit: 100, sudo: 'works' });
  try {
    const result = run(box, ['build.sh', 'test']);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stdout, /installing Chromium for the browser test: chromium \(apt-get\)/);
    assert.match(result.stderr, /installing Chromium for the browser test failed \(apt output above\); run\n {2}sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium\n/);
    // The toolchain was there (only asked about); Chromium was not, so apt ran (and failed at its update).
    assert.deepEqual(box.calls().filter((c) => c.startsWith('apt-get')), ['apt-get update -qq']);
    assert.ok(box.calls().includes('dpkg -s chromium'), box.calls().join('\n'));
  } finally {
    rmSync(box.dir, { recursive: true, force: true });
  }
});
