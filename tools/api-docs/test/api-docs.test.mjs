// ./build.sh api-docs: the API reference docfx generates from the XML docs builds with no warning
// (a broken cross-reference or link fails it), and carries each public construct with the words of
// its XML summary. docfx is a local .NET tool pinned in .config/dotnet-tools.json.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const site = path.join(repoRoot, 'artifacts/api-docs/site');

describe('api-docs', () => {
  it('builds the reference from the XML docs with warnings as errors, every construct on a page of its own', { timeout: 600_000 }, () => {
    const restore = spawnSync('dotnet', ['tool', 'restore'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(restore.status, 0, restore.stdout + restore.stderr);
    fs.rmSync(path.join(repoRoot, 'artifacts/api-docs'), { recursive: true, force: true });
    const build = spawnSync('dotnet', ['docfx', 'tools/api-docs/docfx.json', '--warningsAsErrors'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stdout.split('\n').filter((l) => /warning|error/i.test(l)).join('\n'));

    const summary = (file) => {
      const source = fs.readFileSync(path.join(repoRoot, file), 'utf8');
      return source.match(/\/\/\/ <summary>\s*\n\/\/\/ ([^\n<]+)/)[1].trim().split(' ').slice(0, 6).join(' ');
    };
    for (const [type, file] of [
      ['IdentityStack.Constructs.UserPools.SecureUserPool', 'src/IdentityStack.Constructs/UserPools/SecureUserPool.cs'],
      ['IdentityStack.Constructs.SignIn.HostedSignIn', 'src/IdentityStack.Constructs/SignIn/HostedSignIn.cs'],
      ['IdentityStack.Constructs.Api.JwtProtectedApi', 'src/IdentityStack.Constructs/Api/JwtProtectedApi.cs'],
      ['IdentityStack.Constructs.Triggers.CognitoTriggers', 'src/IdentityStack.Constructs/Triggers/CognitoTriggers.cs'],
    ]) {
      const page = path.join(site, 'api', `${type}.html`);
      assert.ok(fs.existsSync(page), `${type} has no page`);
      assert.ok(fs.readFileSync(page, 'utf8').includes(summary(file)), `${type}'s page lacks its summary "${summary(file)}"`);
    }
    assert.match(fs.readFileSync(path.join(site, 'index.html'), 'utf8'), /href="api\/IdentityStack\.Constructs\.UserPools\.html"/);
  });
});
